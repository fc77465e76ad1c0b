namespace Faultline.Core.Aws.Analyze;

/// <summary>What one CloudWatch query of <c>analyze</c> measures.</summary>
public enum MetricQueryKind
{
    /// <summary><c>status_2xx</c> of a client.</summary>
    Status2xx,

    /// <summary><c>status_3xx</c> of a client.</summary>
    Status3xx,

    /// <summary><c>status_4xx</c> of a client.</summary>
    Status4xx,

    /// <summary><c>status_5xx</c> of a client.</summary>
    Status5xx,

    /// <summary><c>errors_connect</c> of a client.</summary>
    ErrorsConnect,

    /// <summary><c>errors_dns</c> of a client.</summary>
    ErrorsDns,

    /// <summary><c>errors_timeout</c> of a client.</summary>
    ErrorsTimeout,

    /// <summary><c>errors_other</c> of a client.</summary>
    ErrorsOther,

    /// <summary><c>requests_dropped</c> of a client.</summary>
    RequestsDropped,

    /// <summary><c>region_{region}</c> of a client.</summary>
    Region,

    /// <summary>Route 53's <c>HealthCheckStatus</c> of a health check.</summary>
    HealthCheckStatus,
}
