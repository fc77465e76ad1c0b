namespace Faultline.Core.Aws.Analyze;

/// <summary>One <c>MetricDataQuery</c> <c>analyze</c> expects the user to have asked CloudWatch for.</summary>
public sealed record MetricQuery
{
    /// <summary>The query id (<c>^[a-z][a-zA-Z0-9_]*$</c>), which <c>MetricDataResults</c> echo back.</summary>
    public required string Id { get; init; }

    /// <summary>What it measures.</summary>
    public required MetricQueryKind Kind { get; init; }

    /// <summary>The AWS region to ask: the client's location for load counters, us-east-1 for Route 53.</summary>
    public required string Region { get; init; }

    /// <summary>The metric's namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>The metric's name.</summary>
    public required string MetricName { get; init; }

    /// <summary>The metric's dimensions, name and value, in order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; init; }

    /// <summary>The statistic: <c>Sum</c> for counters, <c>Minimum</c> for <c>HealthCheckStatus</c>.</summary>
    public required string Stat { get; init; }

    /// <summary>A readable label, e.g. <c>us-customers status_2xx</c>.</summary>
    public required string Label { get; init; }

    /// <summary>The client (population) a load counter belongs to, or <c>null</c>.</summary>
    public string? Client { get; init; }

    /// <summary>The serving region of a <c>region_{region}</c> counter, or <c>null</c>.</summary>
    public string? ServedRegion { get; init; }

    /// <summary>The topology's health check id of a <c>HealthCheckStatus</c> query, or <c>null</c>.</summary>
    public string? HealthCheck { get; init; }
}
