namespace Faultline.Core.Verdict;

/// <summary>
/// What one population went through over the whole run: attempts and failures by class, success rates, the
/// outage, and which regions served it. Counts follow <see cref="Load.LoadStats"/>: a failure is any attempt not
/// answered 2xx (3xx–5xx, errors, dropped sends).
/// </summary>
public sealed record CustomerImpact
{
    /// <summary>The population.</summary>
    public required string Population { get; init; }

    /// <summary>Attempts over the run.</summary>
    public long Attempts { get; init; }

    /// <summary>Attempts answered 2xx.</summary>
    public long Successes { get; init; }

    /// <summary>Attempts not answered 2xx.</summary>
    public long Failures { get; init; }

    /// <summary>Responses 3xx.</summary>
    public long Status3xx { get; init; }

    /// <summary>Responses 4xx (429 included).</summary>
    public long Status4xx { get; init; }

    /// <summary>Responses 5xx.</summary>
    public long Status5xx { get; init; }

    /// <summary>
    /// Responses per HTTP status code (<c>200</c>, <c>403</c>, <c>429</c>, <c>502</c>…), in code order, so throttling is told
    /// from a denial; the class counts above are their sums. Default empty (and for runs recorded before codes were kept).
    /// </summary>
    public IReadOnlyDictionary<int, long> StatusCodes { get; init; } = new Dictionary<int, long>();

    /// <summary>Latency percentiles over the run (lab time from the intended send); <c>null</c> when none was recorded.</summary>
    public LatencySummary? Latency { get; init; }

    /// <summary>Requests without a response within the timeout.</summary>
    public long Timeouts { get; init; }

    /// <summary>Connections that could not be opened.</summary>
    public long ConnectErrors { get; init; }

    /// <summary>Hosts that did not resolve.</summary>
    public long DnsErrors { get; init; }

    /// <summary>Resets and truncated responses.</summary>
    public long OtherErrors { get; init; }

    /// <summary>Sends dropped because the in-flight pool was full.</summary>
    public long Dropped { get; init; }

    /// <summary>Failures by class in words, e.g. <c>1,180×5xx, 20×timeout</c>; empty when none.</summary>
    public required string FailureBreakdown { get; init; }

    /// <summary>Success rate over the run, percent; <c>null</c> without attempts.</summary>
    public double? SuccessRate { get; init; }

    /// <summary>Success rate during the fault phase, percent; <c>null</c> without a fault phase or attempts in it.</summary>
    public double? FaultSuccessRate { get; init; }

    /// <summary>Failures during the fault phase.</summary>
    public long FaultFailures { get; init; }

    /// <summary>Seconds in which at least one attempt failed.</summary>
    public int ErrorSeconds { get; init; }

    /// <summary>The longest span of consecutive seconds with failures: the outage customers saw.</summary>
    public TimeSpan OutageDuration { get; init; }

    /// <summary>The start of the first second with a failure, or <c>null</c>.</summary>
    public DateTimeOffset? FirstError { get; init; }

    /// <summary>The end of the last second with a failure, or <c>null</c>.</summary>
    public DateTimeOffset? LastError { get; init; }

    /// <summary>Responses per region, largest first.</summary>
    public IReadOnlyList<RegionServed> ServedBy { get; init; } = [];
}
