namespace Faultline.Core.Experiments;

/// <summary>A check over customer traffic, e.g. <c>{ clients: eu-customers, during: fault, successRate: "&gt;= 99%" }</c>.</summary>
public sealed record TrafficCheck : CheckDefinition
{
    /// <summary>The populations measured together.</summary>
    public required ClientSelector Clients { get; init; }

    /// <summary>What is measured.</summary>
    public required TrafficMetric Metric { get; init; }

    /// <summary>What the measured value must satisfy.</summary>
    public required Threshold Threshold { get; init; }
}
