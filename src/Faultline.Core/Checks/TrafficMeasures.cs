using System.Globalization;
using Faultline.Core.Experiments;
using Faultline.Core.Load;

namespace Faultline.Core.Checks;

/// <summary>
/// Measures a <see cref="TrafficMetric"/> over merged traffic, in the unit thresholds are written in: percent
/// (0–100) for rates and shares, milliseconds for latency, a count for requests. Also words what was measured.
/// </summary>
public static class TrafficMeasures
{
    /// <summary>
    /// The metric's value over <paramref name="stats"/>, or <c>null</c> when there is nothing to measure: no attempts
    /// (any metric, requests included, so a silent window is never a pass), no responses (region share), no recorded
    /// latency (percentiles).
    /// </summary>
    public static double? Measure(TrafficMetric metric, LoadStats stats)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(stats);
        if (stats.Attempts == 0)
        {
            return null;
        }

        double attempts = stats.Attempts;
        return metric.Kind switch
        {
            TrafficMetricKind.SuccessRate => stats.SuccessRate * 100,
            TrafficMetricKind.Status2xxRate => stats.Status2xx / attempts * 100,
            TrafficMetricKind.Status4xxRate => stats.Status4xx / attempts * 100,
            TrafficMetricKind.Status5xxRate => stats.Status5xx / attempts * 100,
            TrafficMetricKind.ErrorRate => stats.Errors / attempts * 100,
            TrafficMetricKind.LatencyPercentile => stats.LatencyCount == 0 ? null : stats.Latency(metric.Percentile ?? 50).TotalMilliseconds,
            TrafficMetricKind.RegionShare => stats.RegionShare(metric.Region ?? string.Empty) * 100,
            TrafficMetricKind.Requests => attempts,
            _ => null,
        };
    }

    /// <summary>Failed attempts (everything but 2xx) by class, e.g. <c>300×5xx, 36×timeout</c>; empty when none failed.</summary>
    public static string FailureBreakdown(LoadStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var parts = new List<string>();
        Add(parts, stats.Status3xx, "3xx");
        Add(parts, stats.Status4xx, "4xx");
        Add(parts, stats.Status5xx, "5xx");
        Add(parts, stats.Timeouts, "timeout");
        Add(parts, stats.ConnectErrors, "connect error");
        Add(parts, stats.DnsErrors, "dns error");
        Add(parts, stats.OtherErrors, "other error");
        Add(parts, stats.DroppedSends, "dropped");
        return string.Join(", ", parts);
    }

    /// <summary>Failed attempts: every attempt not answered 2xx.</summary>
    public static long Failures(LoadStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return stats.Attempts - stats.Status2xx;
    }

    /// <summary>
    /// Words the measurement, e.g. <c>97.2% of 12,000 requests succeeded (336 failed: 336×5xx)</c>.
    /// <paramref name="value"/> is what <see cref="Measure"/> returned for the same inputs.
    /// </summary>
    public static string Explain(TrafficMetric metric, LoadStats stats, double value)
    {
        ArgumentNullException.ThrowIfNull(metric);
        ArgumentNullException.ThrowIfNull(stats);
        var attempts = Count(stats.Attempts);
        var failures = Failures(stats);
        var failed = failures == 0 ? "none failed" : $"{Count(failures)} failed: {FailureBreakdown(stats)}";
        return metric.Kind switch
        {
            TrafficMetricKind.SuccessRate => $"{Percent(value)} of {attempts} requests succeeded ({failed})",
            TrafficMetricKind.Status2xxRate => $"{Percent(value)} of {attempts} requests were answered 2xx",
            TrafficMetricKind.Status4xxRate => $"{Percent(value)} of {attempts} requests were answered 4xx",
            TrafficMetricKind.Status5xxRate => $"{Percent(value)} of {attempts} requests were answered 5xx",
            TrafficMetricKind.ErrorRate => $"{Percent(value)} of {attempts} requests got no response ({Count(stats.Errors)} errors)",
            TrafficMetricKind.LatencyPercentile => $"{metric} was {Milliseconds(value)} over {Count(stats.LatencyCount)} responses and timeouts (max {Milliseconds(stats.MaxLatency.TotalMilliseconds)})",
            TrafficMetricKind.RegionShare => $"{Percent(value)} of {Count(stats.Responses)} responses came from {metric.Region} ({ServedBy(stats)})",
            _ => $"{attempts} requests",
        };
    }

    /// <summary>Responses per region, largest first, e.g. <c>eu-west-1 1,140, us-east-1 60</c>; <c>no region</c> when none said.</summary>
    public static string ServedBy(LoadStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return stats.Regions.Count == 0
            ? "no region"
            : string.Join(", ", stats.Regions.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {Count(r.Value)}"));
    }

    /// <summary>A count with thousands separators: <c>12,000</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A percentage with two decimals at most: <c>97.25%</c>.</summary>
    public static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>Milliseconds: <c>1250ms</c>.</summary>
    public static string Milliseconds(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + "ms";

    private static void Add(List<string> parts, long count, string what)
    {
        if (count > 0)
        {
            parts.Add($"{Count(count)}×{what}");
        }
    }
}
