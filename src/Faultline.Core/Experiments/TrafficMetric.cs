using System.Globalization;

namespace Faultline.Core.Experiments;

/// <summary>A traffic measure: its kind, and the percentile or region it needs.</summary>
public sealed record TrafficMetric(TrafficMetricKind Kind, double? Percentile = null, string? Region = null)
{
    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        TrafficMetricKind.LatencyPercentile => $"p{Percentile?.ToString("0.###", CultureInfo.InvariantCulture)} latency",
        TrafficMetricKind.RegionShare => $"share served by {Region}",
        TrafficMetricKind.SuccessRate => "success rate",
        TrafficMetricKind.Status2xxRate => "2xx rate",
        TrafficMetricKind.Status4xxRate => "4xx rate",
        TrafficMetricKind.Status5xxRate => "5xx rate",
        TrafficMetricKind.ErrorRate => "error rate",
        _ => "requests",
    };
}
