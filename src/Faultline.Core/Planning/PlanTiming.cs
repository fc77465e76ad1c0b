namespace Faultline.Core.Planning;

/// <summary>The distribution of one time over the predicted runs, e.g. how long until <c>hc-us</c> turned unhealthy.</summary>
public sealed record PlanTiming
{
    /// <summary>What was timed: a health check id, or <c>LOCATION → RECORD</c> for a DNS answer.</summary>
    public required string Subject { get; init; }

    /// <summary>In how many runs it happened at all (the percentiles are over these).</summary>
    public required int Runs { get; init; }

    /// <summary>The median over the runs where it happened; <c>null</c> when it never did.</summary>
    public TimeSpan? Median { get; init; }

    /// <summary>The 10th percentile; <c>null</c> when it never happened.</summary>
    public TimeSpan? P10 { get; init; }

    /// <summary>The 90th percentile; <c>null</c> when it never happened.</summary>
    public TimeSpan? P90 { get; init; }
}
