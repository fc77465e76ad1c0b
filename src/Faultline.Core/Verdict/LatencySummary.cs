using Faultline.Core.Load;

namespace Faultline.Core.Verdict;

/// <summary>
/// A population's latency over a span, in lab milliseconds from each request's intended send time to its response or
/// timeout (see <see cref="LoadStats"/>): how many were recorded, the 50th, 90th and 99th percentiles and the largest.
/// Values are HdrHistogram bucket values, within 1% of the exact ones.
/// </summary>
public sealed record LatencySummary
{
    /// <summary>Latencies recorded: responses of any status and timeouts (errors without a response carry none).</summary>
    public required long Count { get; init; }

    /// <summary>The median, lab milliseconds.</summary>
    public required double P50Ms { get; init; }

    /// <summary>The 90th percentile, lab milliseconds.</summary>
    public required double P90Ms { get; init; }

    /// <summary>The 99th percentile, lab milliseconds.</summary>
    public required double P99Ms { get; init; }

    /// <summary>The largest, lab milliseconds.</summary>
    public required double MaxMs { get; init; }

    /// <summary>The summary of <paramref name="stats"/>, or <c>null</c> when it recorded no latency.</summary>
    public static LatencySummary? Of(LoadStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return stats.LatencyCount == 0 ? null : new LatencySummary
        {
            Count = stats.LatencyCount,
            P50Ms = stats.Latency(50).TotalMilliseconds,
            P90Ms = stats.Latency(90).TotalMilliseconds,
            P99Ms = stats.Latency(99).TotalMilliseconds,
            MaxMs = stats.MaxLatency.TotalMilliseconds,
        };
    }
}
