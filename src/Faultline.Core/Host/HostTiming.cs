namespace Faultline.Core.Host;

/// <summary>
/// How well the host kept lab time over a whole run, as the verdict reports it: the budget, the worst lateness, how many
/// lab seconds were over budget, and how late the load generator sent. Plain data: serializes to JSON as is.
/// </summary>
public sealed record HostTiming
{
    /// <summary>Lab seconds per wall second of the run.</summary>
    public required double TimeScale { get; init; }

    /// <summary>The tightest modelled deadline the budget derives from, in words.</summary>
    public required string Deadline { get; init; }

    /// <summary>The largest timer lateness a second may have and still be trusted, in lab milliseconds.</summary>
    public required double AllowanceMs { get; init; }

    /// <summary>The same allowance in wall milliseconds.</summary>
    public required double WallAllowanceMs { get; init; }

    /// <summary>The largest timer lateness measured, in lab milliseconds.</summary>
    public required double WorstLatenessMs { get; init; }

    /// <summary>Lab seconds measured.</summary>
    public required int Seconds { get; init; }

    /// <summary>Lab seconds whose lateness exceeded the allowance (host-impaired).</summary>
    public required int ImpairedSeconds { get; init; }

    /// <summary>Sends the load generator made later than its late threshold, in percent of all sends; <c>null</c> without load.</summary>
    public double? LateSendsPercent { get; init; }

    /// <summary>The send lag's 99th percentile in wall milliseconds; <c>null</c> without load.</summary>
    public double? SendLagP99WallMs { get; init; }

    /// <summary>One sentence: whether the host kept time, and what to do when it did not.</summary>
    public required string Summary { get; init; }
}
