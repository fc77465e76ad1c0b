namespace Faultline.Lab.Metrics;

/// <summary>
/// The Prometheus names of a run's metrics (<c>run --metrics-port</c>, <c>load --metrics-port</c>; docs/observing.md),
/// as scraped. They follow Prometheus' conventions: a <c>faultline_</c> prefix, counters ending <c>_total</c>, base units
/// in the name (<c>_seconds</c>, <c>_ratio</c>), and what varies — region, status class, error kind — as labels rather
/// than one metric per value. The seed's CloudWatch names (<c>status_2xx</c>, <c>region_{region}</c>) stay in the EMF
/// output (<see cref="SeedMetricNames"/>).
/// </summary>
public static class RunMetricNames
{
    /// <summary>The meter's name (a per-instance suffix keeps parallel runs in one process apart).</summary>
    public const string Meter = "Faultline.Run";

    /// <summary>Counter: attempts with an outcome (responses, errors, drops); labels population, location, url.</summary>
    public const string Requests = "faultline_requests_total";

    /// <summary>Counter: responses by status class; labels population, location, url, <see cref="StatusClassLabel"/> (<c>2xx</c>…<c>5xx</c>).</summary>
    public const string Responses = "faultline_responses_total";

    /// <summary>Counter: attempts that got no response, by kind; labels population, location, url, <see cref="ErrorLabel"/> (<c>connect</c>, <c>dns</c>, <c>timeout</c>, <c>other</c>, <c>dropped</c>).</summary>
    public const string RequestErrors = "faultline_request_errors_total";

    /// <summary>Counter: responses by the region that served them; labels population, location, url, <see cref="RegionLabel"/>.</summary>
    public const string RegionResponses = "faultline_region_responses_total";

    /// <summary>
    /// Histogram: latency in lab seconds from each request's intended send to its response or timeout; labels
    /// population, location, url; buckets <see cref="LatencyBuckets"/>. Series <c>_bucket</c>, <c>_sum</c>, <c>_count</c>.
    /// </summary>
    public const string RequestDuration = "faultline_request_duration_seconds";

    /// <summary>Gauge: 1 while the health check is healthy, else 0 (Route 53's <c>HealthCheckStatus</c>); label health_check.</summary>
    public const string HealthCheckStatus = "faultline_health_check_status";

    /// <summary>Gauge: the share (0–1) of checkers that see the health check healthy; label health_check.</summary>
    public const string HealthCheckHealthyRatio = "faultline_health_check_healthy_ratio";

    /// <summary>Gauge: 1 for each region a location is currently answered for a name, 0 for regions answered before; labels location, name, region.</summary>
    public const string DnsAnswer = "faultline_dns_answer";

    /// <summary>Gauge: 1 per target while a fault is applied, 0 once reverted; labels fault_id, kind, target.</summary>
    public const string FaultActive = "faultline_fault_active";

    /// <summary>Gauge: 1 for the current phase, 0 for the others; label phase.</summary>
    public const string RunPhase = "faultline_run_phase";

    /// <summary>Gauge: 1 for the run's current state, 0 for the others; label state.</summary>
    public const string RunState = "faultline_run_state";

    /// <summary>Counter: observer calls whose metrics could not be recorded (reported, never thrown).</summary>
    public const string MetricsErrors = "faultline_metrics_errors_total";

    /// <summary>The label holding a response's status class: <c>status_class</c>.</summary>
    public const string StatusClassLabel = "status_class";

    /// <summary>The label holding an error's kind: <c>error</c>.</summary>
    public const string ErrorLabel = "error";

    /// <summary>The label holding the serving region: <c>region</c>.</summary>
    public const string RegionLabel = "region";

    /// <summary>
    /// The latency histogram's bucket bounds in seconds: from 5 ms (a healthy function) to 60 s (the seed's injected
    /// delay), with 10 s, API Gateway's and the seed functions' timeout, among them.
    /// </summary>
    public static IReadOnlyList<double> LatencyBuckets { get; } = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
}
