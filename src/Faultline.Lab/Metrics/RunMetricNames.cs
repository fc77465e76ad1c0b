namespace Faultline.Lab.Metrics;

/// <summary>
/// The names a run's metrics are published under. The load counters keep the seed load-gen's CloudWatch names
/// (<c>status_2xx</c>, <c>region_{region}</c>…) so dashboards built for the seed read them unchanged; the
/// Prometheus endpoint therefore does not append <c>_total</c>.
/// </summary>
public static class RunMetricNames
{
    /// <summary>The meter's name (a per-instance suffix keeps parallel runs in one process apart).</summary>
    public const string Meter = "Faultline.Run";

    /// <summary>Counter: responses 200–299.</summary>
    public const string Status2xx = "status_2xx";

    /// <summary>Counter: responses 300–399.</summary>
    public const string Status3xx = "status_3xx";

    /// <summary>Counter: responses 400–499.</summary>
    public const string Status4xx = "status_4xx";

    /// <summary>Counter: responses 500–599.</summary>
    public const string Status5xx = "status_5xx";

    /// <summary>Counter: connections that could not be opened.</summary>
    public const string ErrorsConnect = "errors_connect";

    /// <summary>Counter: hosts that did not resolve.</summary>
    public const string ErrorsDns = "errors_dns";

    /// <summary>Counter: requests without a response within the timeout.</summary>
    public const string ErrorsTimeout = "errors_timeout";

    /// <summary>Counter: requests that failed after connecting.</summary>
    public const string ErrorsOther = "errors_other";

    /// <summary>Counter: sends the full in-flight pool dropped.</summary>
    public const string RequestsDropped = "requests_dropped";

    /// <summary>Counter: attempts with an outcome (responses, errors, drops), so <c>status_2xx / requests</c> is the success rate.</summary>
    public const string Requests = "requests";

    /// <summary>Counter: responses per answering region, with a <c>region</c> label (the query-friendly form of <c>region_{region}</c>).</summary>
    public const string RequestsServed = "requests_served";

    /// <summary>Counter name prefix: responses from one region, the seed's <c>region_{region}</c> (dashes become underscores in Prometheus).</summary>
    public const string RegionPrefix = "region_";

    /// <summary>Gauge: the median latency of the population's last lab second, in milliseconds (lab time, from the intended send).</summary>
    public const string LatencyP50 = "latency_p50_ms";

    /// <summary>Gauge: the 90th percentile latency of the population's last lab second, in milliseconds.</summary>
    public const string LatencyP90 = "latency_p90_ms";

    /// <summary>Gauge: the 99th percentile latency of the population's last lab second, in milliseconds.</summary>
    public const string LatencyP99 = "latency_p99_ms";

    /// <summary>Gauge: 1 while the health check is healthy, else 0.</summary>
    public const string HealthCheckStatus = "health_check_status";

    /// <summary>Gauge: the share (0–100) of checkers that see the health check healthy.</summary>
    public const string HealthCheckPercentageHealthy = "health_check_percentage_healthy";

    /// <summary>Gauge: 1 for each region a location is currently answered for a name, 0 for regions answered before.</summary>
    public const string DnsAnswer = "dns_answer";

    /// <summary>Gauge: 1 per target while a fault is applied, 0 once reverted.</summary>
    public const string FaultActive = "fault_active";

    /// <summary>Gauge: 1 for the current phase, 0 for the others.</summary>
    public const string RunPhase = "run_phase";

    /// <summary>Gauge: 1 for the run's current state, 0 for the others.</summary>
    public const string RunState = "run_state";

    /// <summary>Counter: observer calls whose metrics could not be recorded (reported, never thrown).</summary>
    public const string MetricsErrors = "faultline_metrics_errors";
}
