using Faultline.Core.Checks;
using Faultline.Core.Gateway;
using Faultline.Core.Runs;

namespace Faultline.Core.Verdict;

// Custom domains: a region that lacks the requested name (or a mapping for the path) answers 403 to all of it.
public static partial class Diagnoser
{
    /// <summary>Rule <see cref="DiagnosisCodes.CustomDomainMissing"/>: a population failed while its requests went to a region that does not serve its host and path.</summary>
    public static IEnumerable<DiagnosisFinding> CustomDomainMissing(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var start = observations.Phases.RunStart;
        var horizon = CheckEvaluator.Horizon(observations);
        var run = new ResolvedWindow(start, horizon < start ? start : horizon);
        foreach (var client in observations.Topology.Clients)
        {
            var stats = RunFacts.Traffic(observations, client.Name);
            if (TrafficMeasures.Failures(stats) == 0)
            {
                continue;
            }

            var host = RunFacts.Host(client);
            var path = client.Url.AbsolutePath;
            foreach (var regionName in RunFacts.RegionsOf(observations, client, run).Order(StringComparer.Ordinal))
            {
                if (observations.Topology.FindRegion(regionName) is not { } region)
                {
                    continue;
                }

                var match = CustomDomainRouting.Match(region.Gateway, host, path);
                if (match.Kind == CustomDomainMatchKind.Served)
                {
                    continue;
                }

                var mappingOnly = match.Kind == CustomDomainMatchKind.NoMapping;
                var breakdown = TrafficMeasures.FailureBreakdown(stats);
                var declared = string.Join(", ", region.Gateway.CustomDomains.Select(d => $"{d.Name} ({string.Join(", ", d.BasePaths)})"));
                yield return new DiagnosisFinding
                {
                    Code = DiagnosisCodes.CustomDomainMissing,
                    Headline = DiagnosisTexts.CustomDomainMissing(client.Name, breakdown, regionName, host, path, mappingOnly),
                    Evidence =
                    [
                        $"{client.Name}: {TrafficMeasures.Count(TrafficMeasures.Failures(stats))} of {TrafficMeasures.Count(stats.Attempts)} requests failed over the run ({breakdown})",
                        $"{host} routes {client.Location}'s requests to {regionName} at some point of the run",
                        $"{regionName}'s gateway declares the custom domains {declared}",
                    ],
                    Fix = DiagnosisTexts.CustomDomainMissingFix(host, regionName, mappingOnly),
                    Population = client.Name,
                    Region = regionName,
                };
            }
        }
    }
}
