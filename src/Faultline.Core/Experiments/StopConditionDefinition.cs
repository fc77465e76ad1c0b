using Faultline.Core.Diagnostics;

namespace Faultline.Core.Experiments;

/// <summary>
/// An alarm over traffic, e.g. <c>{ name: global outage, metric: successRate, clients: all, below: 50%, for: 1m }</c>:
/// when the metric stays beyond the threshold for the duration, the run stops and every fault is reverted.
/// </summary>
public sealed record StopConditionDefinition
{
    /// <summary>The condition's name.</summary>
    public required string Name { get; init; }

    /// <summary>What is measured, per lab second.</summary>
    public required TrafficMetric Metric { get; init; }

    /// <summary>The populations measured together. Default all.</summary>
    public ClientSelector Clients { get; init; } = ClientSelector.All;

    /// <summary>The alarm state: when the measured value meets this threshold (e.g. <c>&lt; 50%</c> for <c>below: 50%</c>).</summary>
    public required Threshold AlarmWhen { get; init; }

    /// <summary>How long the alarm state must last before the run stops. Default 1 minute, as CloudWatch's shortest common period.</summary>
    public TimeSpan For { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Where the condition is written, for messages.</summary>
    public SourceLocation? Location { get; init; }
}
