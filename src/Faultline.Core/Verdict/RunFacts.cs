using Faultline.Core.Checks;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Topology;

namespace Faultline.Core.Verdict;

/// <summary>Facts read off a run's observations that the timeline, the impact and the diagnosis share.</summary>
internal static class RunFacts
{
    /// <summary>The fault phase; its end is the end of the observations when the fault phase never ended. <c>null</c> without a fault phase.</summary>
    public static ResolvedWindow? FaultWindow(RunObservations observations)
    {
        if (observations.Phases.FaultStart is not { } start)
        {
            return null;
        }

        var end = observations.Phases.FaultEnd ?? CheckEvaluator.Horizon(observations);
        return new ResolvedWindow(start, end < start ? start : end);
    }

    /// <summary>A population's traffic merged over a window (the whole run when <paramref name="window"/> is <c>null</c>).</summary>
    public static LoadStats Traffic(RunObservations observations, string population, ResolvedWindow? window = null) =>
        LoadStats.Merge(Seconds(observations, population)
            .Where(s => window is null || window.Contains(s.Start))
            .Select(s => s.Stats));

    /// <summary>A population's seconds in time order.</summary>
    public static IEnumerable<LoadSecond> Seconds(RunObservations observations, string population) =>
        observations.Traffic
            .Where(s => string.Equals(s.Population, population, StringComparison.Ordinal))
            .OrderBy(s => s.Start);

    /// <summary>The populations that sent traffic, in order of first appearance.</summary>
    public static IReadOnlyList<string> Populations(RunObservations observations) =>
        observations.Traffic.Select(s => s.Population).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>A health check's flips, in time order.</summary>
    public static IReadOnlyList<HealthChanged> Flips(RunObservations observations, string healthCheck) =>
        observations.Events.OfType<HealthChanged>()
            .Where(e => string.Equals(e.HealthCheck, healthCheck, StringComparison.Ordinal))
            .OrderBy(e => e.At)
            .ToList();

    /// <summary>Whether a health check was healthy at the window's start and never turned unhealthy in it (a new check starts healthy).</summary>
    public static bool StayedHealthy(RunObservations observations, string healthCheck, ResolvedWindow window)
    {
        var flips = Flips(observations, healthCheck);
        var before = flips.LastOrDefault(e => e.At < window.From)?.Healthy ?? true;
        return before && !flips.Any(e => !e.Healthy && window.Contains(e.At));
    }

    /// <summary>The host a client requests, normalized.</summary>
    public static string Host(ClientConfig client) => DnsName.Normalize(client.Url.Host);

    /// <summary>
    /// The regions a client's requests could go to during a window: what the topology serves its location, the DNS
    /// answers its location got, and the regions that answered its requests.
    /// </summary>
    public static IReadOnlySet<string> RegionsOf(RunObservations observations, ClientConfig client, ResolvedWindow window)
    {
        var host = Host(client);
        var regions = new HashSet<string>(StringComparer.Ordinal);
        regions.UnionWith(Topology.Linting.TopologyLinter.ServedRegions(observations.Topology, host, [client.Location]));
        var answers = DnsAnswers(observations, client.Location, host);
        var atStart = answers.LastOrDefault(e => e.At < window.From);
        if (atStart is not null)
        {
            regions.UnionWith(atStart.Regions);
        }

        regions.UnionWith(answers.Where(e => window.Contains(e.At)).SelectMany(e => e.Regions));
        regions.UnionWith(Traffic(observations, client.Name, window).Regions.Where(r => r.Value > 0).Select(r => r.Key));
        return regions;
    }

    /// <summary>The answers a location got for a name, in time order.</summary>
    public static IReadOnlyList<DnsAnswerChanged> DnsAnswers(RunObservations observations, string location, string name) =>
        observations.Events.OfType<DnsAnswerChanged>()
            .Where(e => string.Equals(e.Location, location, StringComparison.Ordinal) && string.Equals(DnsName.Normalize(e.Name), name, StringComparison.Ordinal))
            .OrderBy(e => e.At)
            .ToList();

    /// <summary>An offset from the run's start, as the timeline prints it: <c>+3m12s</c>.</summary>
    public static string Offset(RunObservations observations, DateTimeOffset at) => "+" + CheckEvaluator.FormatElapsed(at - observations.Phases.RunStart);
}
