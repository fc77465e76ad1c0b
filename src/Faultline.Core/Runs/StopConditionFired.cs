namespace Faultline.Core.Runs;

/// <summary>A stop condition fired: the run stops and reverts every fault.</summary>
public sealed record StopConditionFired : RunEvent
{
    /// <summary>The condition's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The value measured in the second that fired it; when that second had nothing to measure (judged breaching by
    /// the condition's <c>treatMissingData</c>), the value of the streak's last second with data, or 0 when none had.
    /// </summary>
    public double Measured { get; init; }

    /// <summary>How many seconds of <see cref="Lasted"/> had nothing to measure and were judged breaching. Default 0.</summary>
    public int MissingSeconds { get; init; }

    /// <summary>The alarm threshold, as written (e.g. <c>&lt; 50%</c>).</summary>
    public required string Threshold { get; init; }

    /// <summary>How long the alarm state had lasted.</summary>
    public TimeSpan Lasted { get; init; }
}
