namespace Faultline.Core.Experiments;

/// <summary>What a traffic check or stop condition measures over its populations and window.</summary>
public enum TrafficMetricKind
{
    /// <summary><c>successRate</c>: 2xx responses as a share of all attempts (errors and timeouts count as failures), percent.</summary>
    SuccessRate,

    /// <summary><c>status2xxRate</c>: share of attempts answered 2xx, percent.</summary>
    Status2xxRate,

    /// <summary><c>status4xxRate</c>: share of attempts answered 4xx, percent.</summary>
    Status4xxRate,

    /// <summary><c>status5xxRate</c>: share of attempts answered 5xx, percent.</summary>
    Status5xxRate,

    /// <summary><c>errorRate</c>: share of attempts with no response (connect errors, timeouts, resets), percent.</summary>
    ErrorRate,

    /// <summary><c>latency</c> at a percentile (<see cref="TrafficMetric.Percentile"/>), from the intended send time, milliseconds.</summary>
    LatencyPercentile,

    /// <summary><c>regionShare</c>: share of responses served by <see cref="TrafficMetric.Region"/>, percent.</summary>
    RegionShare,

    /// <summary><c>requests</c>: number of attempts.</summary>
    Requests,
}
