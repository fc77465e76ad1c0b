using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;

namespace Faultline.Core.Routing;

/// <summary>
/// Route 53 record selection (docs/lab.md, "What matches AWS"): which sets of a record a querier at a
/// location gets. Sets without a health check are always healthy; if no set is healthy, all are treated
/// as healthy (Route 53's fail-open rule).
/// </summary>
public sealed class RecordSelector
{
    private readonly LatencyMatrix _latency;
    private readonly RandomSource _random;

    /// <summary>Creates a selector over a topology's latencies; weighted draws come from <paramref name="random"/>.</summary>
    public RecordSelector(LatencyMatrix latency, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(latency);
        ArgumentNullException.ThrowIfNull(random);
        _latency = latency;
        _random = random;
    }

    /// <summary>The sets answered for <paramref name="record"/> to a querier at <paramref name="location"/>.</summary>
    public IReadOnlyList<RecordSet> Select(DnsRecord record, string location, IHealthStatus health)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(health);
        if (record.Sets.Count == 0)
        {
            return [];
        }

        if (record.Routing == RoutingPolicy.Simple)
        {
            // A simple record has no health checks and answers all its values.
            return record.Sets;
        }

        var healthy = record.Sets.Where(s => IsHealthy(s, health)).ToList();
        if (healthy.Count == 0)
        {
            healthy = [.. record.Sets];
        }

        return record.Routing switch
        {
            RoutingPolicy.Latency => [Lowest(healthy, location)],
            RoutingPolicy.Failover => [Failover(record.Sets, healthy)],
            RoutingPolicy.Weighted => [Weighted(healthy)],
            _ => healthy,
        };
    }

    private static bool IsHealthy(RecordSet set, IHealthStatus health) => set.HealthCheck is null || health.IsHealthy(set.HealthCheck);

    private static RecordSet Failover(IReadOnlyList<RecordSet> all, List<RecordSet> healthy)
    {
        var primary = all.FirstOrDefault(s => s.Failover == FailoverRole.Primary) ?? all[0];
        var secondary = all.FirstOrDefault(s => s.Failover == FailoverRole.Secondary && !ReferenceEquals(s, primary))
            ?? all.FirstOrDefault(s => !ReferenceEquals(s, primary));

        // Both unhealthy means fail-open made both "healthy" again, so the primary is answered.
        if (healthy.Contains(primary) || secondary is null || !healthy.Contains(secondary))
        {
            return primary;
        }

        return secondary;
    }

    private RecordSet Lowest(List<RecordSet> candidates, string location)
    {
        // Ties (and unknown latencies, which sort last) keep file order.
        return candidates
            .Select((set, index) => (set, index, latency: _latency.Find(location, set.Region) ?? TimeSpan.MaxValue))
            .OrderBy(c => c.latency)
            .ThenBy(c => c.index)
            .First().set;
    }

    private RecordSet Weighted(List<RecordSet> candidates)
    {
        var weighted = candidates.Where(s => s.Weight > 0).ToList();
        if (weighted.Count == 0)
        {
            // Only when every candidate has weight 0 does Route 53 answer them, with equal probability.
            return candidates[_random.Next(candidates.Count)];
        }

        var total = weighted.Sum(s => s.Weight);
        var draw = _random.Next(total);
        foreach (var set in weighted)
        {
            if (draw < set.Weight)
            {
                return set;
            }

            draw -= set.Weight;
        }

        return weighted[^1];
    }
}
