using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;

namespace Faultline.Core.Routing;

/// <summary>
/// Route 53 record selection (docs/fidelity.md, "Route 53 records"): which sets of a record a querier at a
/// location gets. Sets without a health check are always healthy; if no set is healthy, all are treated
/// as healthy (Route 53's fail-open rule).
/// </summary>
/// <remarks>
/// Sources: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html
/// (always healthy without a check, fail-open, weight 0) and
/// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html (weights, weight 0).
/// </remarks>
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

    // An alias with Evaluate Target Health to an API Gateway target inherits only the API Gateway service's
    // availability in its region, never the function's errors
    // (https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html). No lab fault takes the service
    // itself down (function faults and network faults leave it up), so the target is always healthy, and with an
    // associated health check ("both must evaluate to true") the health check alone decides. Hence an alias set
    // without a health check is always healthy, however its functions fail.
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

    // Route 53 "initially considers only the nonzero weighted records"; "if all the records that have a weight greater
    // than 0 are unhealthy, then Route 53 considers the zero-weighted records" — which the candidates (healthy sets, or
    // every set under fail-open) already express: zero-weighted sets are drawn only when no non-zero set is a candidate.
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
