namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// Where a real run's metrics live in CloudWatch: the one place to change if the load generator publishes them
/// elsewhere. The metric names are the seed load-gen's (and those of <c>faultline load --emf</c>, see <c>Faultline.Lab.Metrics.SeedMetricNames</c>;
/// a test pins them equal).
/// </summary>
public static class AwsMetricConventions
{
    /// <summary>The namespace <c>faultline load</c> publishes its counters in (<see cref="AwsLoadMetrics.Namespace"/>).</summary>
    public const string Namespace = AwsLoadMetrics.Namespace;

    /// <summary>
    /// The only dimension <c>faultline load</c> publishes: the invoked API, the client's URL
    /// (<see cref="AwsLoadMetrics.ApiDimension"/>). Clients are told apart by region: each client's load task runs, and
    /// publishes, in the region of its location.
    /// </summary>
    public const string ApiDimension = AwsLoadMetrics.ApiDimension;

    /// <summary>The statistic of the load counters: <c>Sum</c> (requests per period).</summary>
    public const string CounterStat = "Sum";

    /// <summary>Route 53's namespace: <c>AWS/Route53</c> (its metrics exist only in us-east-1).</summary>
    public const string Route53Namespace = "AWS/Route53";

    /// <summary>Route 53's health metric: <c>HealthCheckStatus</c>, 1 healthy, 0 unhealthy.</summary>
    public const string HealthCheckStatus = "HealthCheckStatus";

    /// <summary>The dimension of <see cref="HealthCheckStatus"/>: <c>HealthCheckId</c>.</summary>
    public const string HealthCheckIdDimension = "HealthCheckId";

    /// <summary>The statistic of <see cref="HealthCheckStatus"/>: <c>Minimum</c> (0 when unhealthy at any point of the period).</summary>
    public const string HealthStat = "Minimum";

    /// <summary>The region Route 53's metrics are read in: <c>us-east-1</c>.</summary>
    public const string Route53MetricsRegion = "us-east-1";

    /// <summary>The datapoint period, 60 s: the resolution <c>analyze</c> judges at.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

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

    /// <summary>Counter: sends dropped because the in-flight pool was full.</summary>
    public const string RequestsDropped = "requests_dropped";

    /// <summary>Counter name prefix: responses from one region, <c>region_{region}</c>.</summary>
    public const string RegionPrefix = "region_";
}
