using Faultline.Core.Verdict;

namespace Faultline.Core.Results;

/// <summary>What one population went through, as <c>result.json</c> writes it (<see cref="CustomerImpact"/>).</summary>
public sealed record ResultImpact
{
    /// <summary>The population.</summary>
    public required string Population { get; init; }

    /// <summary>Attempts over the run.</summary>
    public required long Attempts { get; init; }

    /// <summary>Attempts answered 2xx.</summary>
    public required long Successes { get; init; }

    /// <summary>Attempts not answered 2xx.</summary>
    public required long Failures { get; init; }

    /// <summary>Responses 3xx.</summary>
    public required long Status3xx { get; init; }

    /// <summary>Responses 4xx (429 included).</summary>
    public required long Status4xx { get; init; }

    /// <summary>Responses 5xx.</summary>
    public required long Status5xx { get; init; }

    /// <summary>Responses per HTTP status code, in code order (<c>{"200": 11800, "429": 20}</c>); empty for runs recorded before codes were kept and for AWS runs.</summary>
    public required IReadOnlyDictionary<int, long> StatusCodes { get; init; }

    /// <summary>Requests without a response within the timeout.</summary>
    public required long Timeouts { get; init; }

    /// <summary>Connections that could not be opened.</summary>
    public required long ConnectErrors { get; init; }

    /// <summary>Hosts that did not resolve.</summary>
    public required long DnsErrors { get; init; }

    /// <summary>Resets and truncated responses.</summary>
    public required long OtherErrors { get; init; }

    /// <summary>Sends dropped because the in-flight pool was full.</summary>
    public required long Dropped { get; init; }

    /// <summary>Failures by class in words; empty when none.</summary>
    public required string FailureBreakdown { get; init; }

    /// <summary>Success rate over the run, percent; omitted without attempts.</summary>
    public double? SuccessRate { get; init; }

    /// <summary>Success rate during the fault phase, percent; omitted without a fault phase or attempts in it.</summary>
    public double? FaultSuccessRate { get; init; }

    /// <summary>Failures during the fault phase.</summary>
    public required long FaultFailures { get; init; }

    /// <summary>Latency percentiles over the run; omitted when none was recorded.</summary>
    public LatencySummary? Latency { get; init; }

    /// <summary>Seconds in which at least one attempt failed.</summary>
    public required int ErrorSeconds { get; init; }

    /// <summary>The longest span of consecutive seconds with failures (<c>d.hh:mm:ss</c>, lab time).</summary>
    public required TimeSpan OutageDuration { get; init; }

    /// <summary><see cref="OutageDuration"/> in seconds.</summary>
    public required double OutageDurationSeconds { get; init; }

    /// <summary>The start of the first second with a failure, in wall time; omitted without wall time or failures.</summary>
    public DateTimeOffset? FirstError { get; init; }

    /// <summary>The first failure's lab-time offset from the run's start; omitted without failures.</summary>
    public TimeSpan? FirstErrorOffset { get; init; }

    /// <summary><see cref="FirstErrorOffset"/> in seconds.</summary>
    public double? FirstErrorOffsetSeconds { get; init; }

    /// <summary>The end of the last second with a failure, in wall time; omitted without wall time or failures.</summary>
    public DateTimeOffset? LastError { get; init; }

    /// <summary>The last failure's end as a lab-time offset from the run's start; omitted without failures.</summary>
    public TimeSpan? LastErrorOffset { get; init; }

    /// <summary><see cref="LastErrorOffset"/> in seconds.</summary>
    public double? LastErrorOffsetSeconds { get; init; }

    /// <summary>Responses per region, largest first.</summary>
    public required IReadOnlyList<RegionServed> ServedBy { get; init; }

    internal static ResultImpact Of(CustomerImpact impact, ResultTimes times)
    {
        var first = times.At(impact.FirstError);
        var last = times.At(impact.LastError);
        return new ResultImpact
        {
            Population = impact.Population,
            Attempts = impact.Attempts,
            Successes = impact.Successes,
            Failures = impact.Failures,
            Status3xx = impact.Status3xx,
            Status4xx = impact.Status4xx,
            Status5xx = impact.Status5xx,
            StatusCodes = impact.StatusCodes,
            Timeouts = impact.Timeouts,
            ConnectErrors = impact.ConnectErrors,
            DnsErrors = impact.DnsErrors,
            OtherErrors = impact.OtherErrors,
            Dropped = impact.Dropped,
            FailureBreakdown = impact.FailureBreakdown,
            SuccessRate = impact.SuccessRate,
            FaultSuccessRate = impact.FaultSuccessRate,
            FaultFailures = impact.FaultFailures,
            Latency = impact.Latency,
            ErrorSeconds = impact.ErrorSeconds,
            OutageDuration = impact.OutageDuration,
            OutageDurationSeconds = ResultTimes.Seconds(impact.OutageDuration)!.Value,
            FirstError = first.Wall,
            FirstErrorOffset = first.Offset,
            FirstErrorOffsetSeconds = first.OffsetSeconds,
            LastError = last.Wall,
            LastErrorOffset = last.Offset,
            LastErrorOffsetSeconds = last.OffsetSeconds,
            ServedBy = impact.ServedBy,
        };
    }
}
