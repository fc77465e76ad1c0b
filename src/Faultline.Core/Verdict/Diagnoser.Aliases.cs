using Faultline.Core.Checks;
using Faultline.Core.Runs;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;

namespace Faultline.Core.Verdict;

// Alias records with Evaluate Target Health (rule DiagnosisCodes.AliasTargetHealthOnly).
public static partial class Diagnoser
{
    /// <summary>
    /// Rule <see cref="DiagnosisCodes.AliasTargetHealthOnly"/>: a routed set that is an alias with evaluateTargetHealth
    /// and no health check, whose region's functions were faulted, kept being answered to customers who got errors
    /// there. For an API Gateway target, target health is the service's availability in the region, not the functions'
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html).
    /// </summary>
    public static IEnumerable<DiagnosisFinding> AliasTargetHealthOnly(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (RunFacts.FaultWindow(observations) is not { } fault)
        {
            yield break;
        }

        var topology = observations.Topology;
        var faulted = observations.Events.OfType<FaultAppliedEvent>()
            .Where(e => FaultsFunctions(e.Kind))
            .SelectMany(e => e.Targets)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var record in topology.Dns.Records.Where(r => r.Routing != RoutingPolicy.Simple))
        {
            foreach (var set in record.Sets.Where(s => s.Alias is { EvaluateTargetHealth: true } && s.HealthCheck is null))
            {
                var hit = topology.FindRegion(set.Region)?.Functions.Where(f => faulted.Contains(f.Id)).ToList() ?? [];
                if (hit.Count == 0)
                {
                    continue;
                }

                var victims = new List<(ClientConfig Client, string Breakdown, long Failures, long Attempts, IReadOnlyList<string> Answer)>();
                var moved = false;
                foreach (var client in topology.Clients.Where(c => string.Equals(RunFacts.Host(c), record.Name, StringComparison.Ordinal)))
                {
                    var stats = RunFacts.Traffic(observations, client.Name, fault);
                    if (TrafficMeasures.Failures(stats) == 0 || !RunFacts.RegionsOf(observations, client, fault).Contains(set.Region))
                    {
                        continue;
                    }

                    // The answer in force when the fault phase ended (the topology's, when no answer was observed).
                    var answer = RunFacts.DnsAnswers(observations, client.Location, record.Name).LastOrDefault(a => a.At <= fault.To)?.Regions
                        ?? TopologyLinter.ServedRegions(topology, record.Name, [client.Location]);
                    if (!answer.Contains(set.Region, StringComparer.Ordinal))
                    {
                        // DNS did move this location away: whatever hurt it, it was not a record stuck on the region.
                        moved = true;
                        continue;
                    }

                    victims.Add((client, TrafficMeasures.FailureBreakdown(stats), TrafficMeasures.Failures(stats), stats.Attempts, answer));
                }

                if (victims.Count == 0 || moved)
                {
                    continue;
                }

                var evidence = new List<string>
                {
                    $"set '{set.Id}' of {record.Name} is an alias to {set.Region}'s API with evaluateTargetHealth: true and no healthCheck",
                    $"faults hit {string.Join(", ", hit.Select(f => $"{f.Id} ({f.Route})"))} from {RunFacts.Offset(observations, fault.From)} to {RunFacts.Offset(observations, fault.To)}; the API Gateway service in {set.Region} stayed available",
                };
                evidence.AddRange(victims.Select(v => $"{v.Client.Location} still got {string.Join(", ", v.Answer)} for {record.Name} at the end of the fault phase"));
                evidence.AddRange(victims.Select(v => $"{v.Client.Name}: {TrafficMeasures.Count(v.Failures)} of {TrafficMeasures.Count(v.Attempts)} requests failed during the fault ({v.Breakdown})"));
                yield return new DiagnosisFinding
                {
                    Code = DiagnosisCodes.AliasTargetHealthOnly,
                    Headline = DiagnosisTexts.AliasTargetHealthOnly(
                        record.Name,
                        set.Id,
                        set.Region,
                        string.Join(" and ", victims.Select(v => DiagnosisTexts.Victim(v.Client.Name, v.Breakdown))),
                        string.Join(", ", hit.Select(f => f.Name))),
                    Evidence = evidence,
                    Fix = DiagnosisTexts.AliasTargetHealthOnlyFix(set.Id, set.Region, OwnNameOf(topology, set.Region)),
                    Population = victims[0].Client.Name,
                    Region = set.Region,
                };
            }
        }
    }

    private static string? OwnNameOf(Topology.Topology topology, string region) =>
        topology.Dns.Records.FirstOrDefault(r => r.Routing == RoutingPolicy.Simple && r.Sets.Count == 1 && string.Equals(r.Sets[0].Region, region, StringComparison.Ordinal))?.Name;
}
