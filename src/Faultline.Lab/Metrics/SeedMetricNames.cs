namespace Faultline.Lab.Metrics;

/// <summary>
/// The seed load-gen's CloudWatch metric names, kept where CloudWatch-compatible output needs them: the Embedded
/// Metric Format lines of <c>faultline load --emf</c> (<see cref="EmbeddedMetricFormat"/>), which the exported
/// CloudWatch dashboard and <c>faultline analyze</c> read. The Prometheus endpoint uses <see cref="RunMetricNames"/>.
/// </summary>
public static class SeedMetricNames
{
    /// <summary>Responses 200–299 in the second.</summary>
    public const string Status2xx = "status_2xx";

    /// <summary>Responses 300–399 in the second.</summary>
    public const string Status3xx = "status_3xx";

    /// <summary>Responses 400–499 in the second.</summary>
    public const string Status4xx = "status_4xx";

    /// <summary>Responses 500–599 in the second.</summary>
    public const string Status5xx = "status_5xx";

    /// <summary>Connections that could not be opened.</summary>
    public const string ErrorsConnect = "errors_connect";

    /// <summary>Hosts that did not resolve.</summary>
    public const string ErrorsDns = "errors_dns";

    /// <summary>Requests without a response within the timeout.</summary>
    public const string ErrorsTimeout = "errors_timeout";

    /// <summary>Requests that failed after connecting.</summary>
    public const string ErrorsOther = "errors_other";

    /// <summary>Sends the full in-flight pool dropped.</summary>
    public const string RequestsDropped = "requests_dropped";

    /// <summary>Attempts with an outcome (responses, errors, drops), so <c>status_2xx / requests</c> is the success rate.</summary>
    public const string Requests = "requests";

    /// <summary>Name prefix: responses from one region, the seed's <c>region_{region}</c>.</summary>
    public const string RegionPrefix = "region_";

    /// <summary>The second's median latency, milliseconds (lab time, from the intended send).</summary>
    public const string LatencyP50 = "latency_p50_ms";

    /// <summary>The second's 90th percentile latency, milliseconds.</summary>
    public const string LatencyP90 = "latency_p90_ms";

    /// <summary>The second's 99th percentile latency, milliseconds.</summary>
    public const string LatencyP99 = "latency_p99_ms";
}
