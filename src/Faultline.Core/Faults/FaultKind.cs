namespace Faultline.Core.Faults;

/// <summary>The kinds of fault the lab can inject (docs/faults.md). Names as written in files: see <see cref="FaultKinds"/>.</summary>
public enum FaultKind
{
    /// <summary><c>latency</c>: delay inside the function invocation (counts against its timeout).</summary>
    Latency,

    /// <summary><c>error</c>: the invocation fails (502 through the gateway).</summary>
    Error,

    /// <summary><c>http-response</c>: the function result is replaced.</summary>
    HttpResponse,

    /// <summary><c>throttle</c>: concurrency limited; invocations beyond it are rejected by the Lambda service (API Gateway answers 500).</summary>
    Throttle,

    /// <summary><c>network</c>: the region's gateway is blackholed, reset or slowed, optionally only from some locations.</summary>
    Network,

    /// <summary><c>dns</c>: a record answers SERVFAIL, NXDOMAIN, or late.</summary>
    Dns,

    /// <summary><c>health-override</c>: a health check is forced healthy or unhealthy.</summary>
    HealthOverride,
}
