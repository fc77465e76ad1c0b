using Faultline.Core.Randomness;
using Faultline.Core.Topology;

namespace Faultline.Core.Health;

/// <summary>
/// One of a health check's checkers: where it probes from and its phase, the offset of its first probe within
/// the interval. Route 53's checkers do not probe in step; each keeps its own cadence from its phase.
/// </summary>
/// <param name="Check">The health check.</param>
/// <param name="Index">The checker's number within the check, from 0.</param>
/// <param name="Location">
/// Where it probes from: the check's checker regions (<see cref="HealthCheckConfig.ProbeRegions"/>) in turn. A checker
/// region that is a location of the topology probes from that location; any other from its own place, with the
/// latencies of <see cref="CheckerLatencies"/> (docs/topology.md, "Health checks").
/// </param>
/// <param name="Phase">Lab time from the lab's start to its first probe, in [0, interval).</param>
public sealed record HealthChecker(HealthCheckConfig Check, int Index, string Location, TimeSpan Phase)
{
    /// <summary>
    /// Every checker of every check, in topology order. Phases are drawn from <paramref name="random"/> up front, in
    /// this fixed order, so a seed repeats the same schedule in both engines.
    /// </summary>
    public static IReadOnlyList<HealthChecker> Plan(Topology.Topology topology, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(random);
        var checkers = new List<HealthChecker>();
        foreach (var check in topology.HealthChecks)
        {
            // Route 53's checkers run in its checker regions, not where the system under test runs
            // (https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html, Regions).
            var locations = check.ProbeRegions;
            for (var i = 0; i < check.Checkers; i++)
            {
                var phase = TimeSpan.FromTicks((long)(random.NextDouble() * check.Interval.Ticks));
                checkers.Add(new HealthChecker(check, i, locations[i % locations.Count], phase));
            }
        }

        return checkers;
    }
}
