using Faultline.Core.Experiments;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;

namespace Faultline.Core.Simulation;

/// <summary>
/// What one run says about failover, for distributions over seeds and settings: when each health check first
/// turned unhealthy, when each location's DNS answer first moved to other regions, and how long each population's
/// outage lasted. Times are lab time from the start of the fault phase; <c>null</c> when it never happened.
/// </summary>
public sealed record RunMeasures
{
    /// <summary>The verdict.</summary>
    public required VerdictKind Verdict { get; init; }

    /// <summary>Each check's outcome by name (<c>null</c>: undecided).</summary>
    public required IReadOnlyDictionary<string, bool?> Checks { get; init; }

    /// <summary>Per health check, the time from the fault's start to its first flip to unhealthy.</summary>
    public required IReadOnlyDictionary<string, TimeSpan?> TimeToUnhealthy { get; init; }

    /// <summary>Per location (and name), the time from the fault's start to its first answer naming other regions.</summary>
    public required IReadOnlyDictionary<string, TimeSpan?> TimeToDnsMove { get; init; }

    /// <summary>Per population, its outage (the impact's outage duration).</summary>
    public required IReadOnlyDictionary<string, TimeSpan> Outage { get; init; }

    /// <summary>Reads the measures from a run's events and verdict.</summary>
    /// <param name="events">The run's events, in order.</param>
    /// <param name="verdict">Its verdict.</param>
    /// <param name="healthChecks">The topology's health checks (so one that never flipped is listed).</param>
    public static RunMeasures From(IReadOnlyList<RunEvent> events, RunVerdict verdict, IEnumerable<string> healthChecks)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return FromEvents(events, verdict.Kind, healthChecks) with
        {
            Checks = verdict.Checks.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Passed, StringComparer.Ordinal),
            Outage = verdict.Impact.ToDictionary(i => i.Population, i => i.OutageDuration, StringComparer.Ordinal),
        };
    }

    /// <summary>The time measures alone, from a run's events (e.g. a journal read back); no checks or outage.</summary>
    public static RunMeasures FromEvents(IReadOnlyList<RunEvent> events, VerdictKind verdict, IEnumerable<string> healthChecks)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(healthChecks);
        var faultStart = events.OfType<PhaseStarted>().FirstOrDefault(p => p.Phase == Phase.Fault)?.At;
        var unhealthy = healthChecks.ToDictionary(c => c, _ => (TimeSpan?)null, StringComparer.Ordinal);
        var dns = new Dictionary<string, TimeSpan?>(StringComparer.Ordinal);
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e)
            {
                case DnsAnswerChanged answer:
                    var key = $"{answer.Location} → {answer.Name}";
                    var now = string.Join(",", answer.Regions.Order(StringComparer.Ordinal));
                    dns.TryAdd(key, null);
                    if (regions.TryGetValue(key, out var before) && before != now && faultStart is { } moveFrom && answer.At >= moveFrom && dns[key] is null)
                    {
                        dns[key] = answer.At - moveFrom;
                    }

                    regions[key] = now;
                    break;
                case HealthChanged { Healthy: false } flip when faultStart is { } flipFrom && flip.At >= flipFrom:
                    if (!unhealthy.TryGetValue(flip.HealthCheck, out var seen) || seen is null)
                    {
                        unhealthy[flip.HealthCheck] = flip.At - flipFrom;
                    }

                    break;
                default:
                    break;
            }
        }

        return new RunMeasures
        {
            Verdict = verdict,
            Checks = new Dictionary<string, bool?>(StringComparer.Ordinal),
            TimeToUnhealthy = unhealthy,
            TimeToDnsMove = dns,
            Outage = new Dictionary<string, TimeSpan>(StringComparer.Ordinal),
        };
    }
}
