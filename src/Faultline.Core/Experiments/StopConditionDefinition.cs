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

    /// <summary>
    /// How a second with nothing to measure is judged, as written; <c>null</c> when not written, which means the
    /// metric's default (<see cref="DefaultMissingData"/>). Use <see cref="MissingData"/> for the effective value.
    /// </summary>
    public MissingDataTreatment? TreatMissingData { get; init; }

    /// <summary>How a second with nothing to measure is judged: <see cref="TreatMissingData"/>, or the metric's default.</summary>
    public MissingDataTreatment MissingData => TreatMissingData ?? DefaultMissingData(Metric.Kind);

    /// <summary>Where the condition is written, for messages.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>
    /// The default treatment of missing seconds for a metric: <see cref="MissingDataTreatment.Breaching"/> for
    /// <c>successRate</c>, <c>status2xxRate</c>, <c>errorRate</c> and latency percentiles — alarms on customers not
    /// being served, which is what a second without a single finished request is (a stall); and
    /// <see cref="MissingDataTreatment.NotBreaching"/> (how every condition behaved before the setting existed) for
    /// <c>status4xxRate</c>, <c>status5xxRate</c> and <c>requests</c> — alarms on one kind of answer, which a silent
    /// second does not show.
    /// </summary>
    public static MissingDataTreatment DefaultMissingData(TrafficMetricKind metric) => metric switch
    {
        TrafficMetricKind.SuccessRate or TrafficMetricKind.Status2xxRate or TrafficMetricKind.ErrorRate or TrafficMetricKind.LatencyPercentile
            => MissingDataTreatment.Breaching,
        _ => MissingDataTreatment.NotBreaching,
    };
}
