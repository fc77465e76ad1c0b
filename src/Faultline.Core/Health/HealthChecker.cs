using Faultline.Core.Randomness;
using Faultline.Core.Topology;

namespace Faultline.Core.Health;

/// <summary>
/// One of a health check's checkers: where it probes from and its phase, the offset of its first probe within
/// the interval. Route 53's checkers do not probe in step; each keeps its own cadence from its phase.
/// </summary>
/// <param name="Check">The health check.</param>
/// <param name="Index">The checker's number within the check, from 0.</param>
/// <param name="Location">Where it probes from: the check's regions (or the topology's locations) in turn.</param>
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
            var locations = check.Regions.Count > 0 ? check.Regions : topology.Locations;
            for (var i = 0; i < check.Checkers; i++)
            {
                var phase = TimeSpan.FromTicks((long)(random.NextDouble() * check.Interval.Ticks));
                checkers.Add(new HealthChecker(check, i, locations[i % locations.Count], phase));
            }
        }

        return checkers;
    }
}
