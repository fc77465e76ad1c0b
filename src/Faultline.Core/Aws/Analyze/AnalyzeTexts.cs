namespace Faultline.Core.Aws.Analyze;

/// <summary>Why <c>analyze</c> leaves a check undecided: the words are API (tests pin them).</summary>
public static class AnalyzeTexts
{
    /// <summary>A latency check: CloudWatch holds only counts.</summary>
    public static string NoLatency(string metric) =>
        $"undecided on AWS data: {metric} needs per-request latencies, and the CloudWatch counters hold only counts per minute";

    /// <summary>A traffic window shorter than a datapoint.</summary>
    public static string WindowTooShort(string length) =>
        $"undecided on AWS data: the window is {length}, shorter than the 1-minute datapoints it would be measured from";

    /// <summary>A traffic window whose edge cuts a minute whose split decides the check.</summary>
    public static string WindowCutsMinute(DateTimeOffset from, DateTimeOffset to) =>
        $"undecided on AWS data: the window ({Utc(from)} to {Utc(to)} UTC) cuts a 1-minute datapoint, and how that minute's requests fall on either side of the edge decides the check";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A transition whose minute straddles the deadline.</summary>
    public static string TransitionInsideMinute() =>
        "undecided on AWS data: the 1-minute datapoints place the change in a minute that straddles the deadline";
}
