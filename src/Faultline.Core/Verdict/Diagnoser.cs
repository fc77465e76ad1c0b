using Faultline.Core.Faults;
using Faultline.Core.Checks;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;

namespace Faultline.Core.Verdict;

/// <summary>
/// Explains a refuted hypothesis from what the run observed and the topology. Each rule stands alone and may add
/// findings; when none matches, one <see cref="DiagnosisCodes.ChecksFailed"/> finding lists the failed checks.
/// </summary>
public static partial class Diagnoser
{
    /// <summary>How much longer than the TTL clients may keep reaching the old region before it counts as stuck.</summary>
    public static readonly TimeSpan StuckSlack = TimeSpan.FromSeconds(5);

    // What a health check's path may or may not exercise: the kinds the function runtime injects (FaultKindRegistry).
    private static bool FaultsFunctions(FaultKind kind) => FaultKindRegistry.Get(kind).ActsOn == FaultScope.Functions;

    /// <summary>Every finding for the observations and check results, in rule order.</summary>
    public static IReadOnlyList<DiagnosisFinding> Diagnose(RunObservations observations, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(checks);
        var findings = new List<DiagnosisFinding>();
        findings.AddRange(ProbesOtherRegion(observations));
        findings.AddRange(PathNotFaulted(observations));
        findings.AddRange(FailOpen(observations));
        var refused = CustomDomainMissing(observations).ToList();
        findings.AddRange(refused);

        // A population refused by a region's gateway (403 for a missing custom domain) fails after DNS moved, which is not being stuck.
        findings.AddRange(ClientsStuck(observations).Where(f => !refused.Any(r => string.Equals(r.Population, f.Population, StringComparison.Ordinal))));
        findings.AddRange(AliasTargetHealthOnly(observations));
        findings.AddRange(ChaosExtensionNotAttached(observations));
        if (findings.Count == 0 && checks.Any(c => c.Passed == false))
        {
            findings.Add(ChecksFailed(checks));
        }

        return findings;
    }

    /// <summary>Rule <see cref="DiagnosisCodes.HealthCheckProbesOtherRegion"/>.</summary>
    public static IEnumerable<DiagnosisFinding> ProbesOtherRegion(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (RunFacts.FaultWindow(observations) is not { } fault)
        {
            yield break;
        }

        var topology = observations.Topology;
        IReadOnlyList<LintFinding>? lint = null;
        foreach (var (record, set, check) in GuardedSets(topology))
        {
            var region = set.Region;
            var probes = observations.Events.OfType<HealthProbeTargetChanged>()
                .Where(e => string.Equals(e.HealthCheck, check.Id, StringComparison.Ordinal) && e.Region is not null)
                .ToList();
            string fqdn;
            string probedRegion;
            string? address;
            var evidence = new List<string> { $"{check.Id} guards set '{set.Id}' ({region}) of {record.Name}" };
            if (probes.Count > 0)
            {
                if (probes.FirstOrDefault(p => !string.Equals(p.Region, region, StringComparison.Ordinal)) is not { } other)
                {
                    continue;
                }

                (fqdn, probedRegion, address) = (other.Fqdn, other.Region!, other.Address);
                evidence.AddRange(probes
                    .DistinctBy(p => (p.Location, p.Address))
                    .Select(p => $"checkers at {p.Location} resolved {p.Fqdn} to {p.Address ?? "nothing"} ({p.Region}) at {RunFacts.Offset(observations, p.At)}"));
            }
            else
            {
                lint ??= TopologyLinter.Lint(topology);
                var found = lint.FirstOrDefault(f => f.Code == LintCodes.HealthCheckProbesOtherRegion
                    && string.Equals(f.HealthCheck, check.Id, StringComparison.Ordinal)
                    && string.Equals(f.Region, region, StringComparison.Ordinal));
                if (found?.ProbedRegions.FirstOrDefault(r => !string.Equals(r, region, StringComparison.Ordinal)) is not { } served)
                {
                    continue;
                }

                // No probe was observed (a run judged from AWS metrics, say): the region is the topology's word, and
                // there is no address to name — the lab's would be meaningless there.
                (fqdn, probedRegion, address) = (check.Fqdn, served, null);
                evidence.Add($"the topology serves {fqdn} from {string.Join(", ", found.ProbedRegions)} (no probe target was observed)");
            }

            if (!RunFacts.StayedHealthy(observations, check.Id, fault))
            {
                continue;
            }

            var victims = Victims(observations, region, fault);
            if (victims.Count == 0)
            {
                continue;
            }

            evidence.Add($"{check.Id} stayed healthy through the fault phase ({RunFacts.Offset(observations, fault.From)} to {RunFacts.Offset(observations, fault.To)})");
            evidence.AddRange(victims.Select(v => $"{v.Population}: {TrafficMeasures.Count(v.Failures)} of {TrafficMeasures.Count(v.Attempts)} requests failed during the fault ({v.Breakdown})"));
            var own = topology.Dns.Records.FirstOrDefault(r => r.Routing == RoutingPolicy.Simple && r.Sets.Count == 1 && string.Equals(r.Sets[0].Region, region, StringComparison.Ordinal));
            yield return new DiagnosisFinding
            {
                Code = DiagnosisCodes.HealthCheckProbesOtherRegion,
                Headline = DiagnosisTexts.ProbesOtherRegion(check.Id, string.Join(" and ", victims.Select(v => DiagnosisTexts.Victim(v.Population, v.Breakdown))), fqdn, address, probedRegion, region),
                Evidence = evidence,
                Fix = DiagnosisTexts.ProbesOtherRegionFix(check.Id, own?.Name, region),
                HealthCheck = check.Id,
                Population = victims[0].Population,
                Region = region,
            };
        }
    }

    /// <summary>Rule <see cref="DiagnosisCodes.HealthCheckPathNotFaulted"/>.</summary>
    public static IEnumerable<DiagnosisFinding> PathNotFaulted(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (RunFacts.FaultWindow(observations) is not { } fault)
        {
            yield break;
        }

        var faulted = observations.Events.OfType<FaultAppliedEvent>()
            .Where(e => FaultsFunctions(e.Kind))
            .SelectMany(e => e.Targets)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (_, set, check) in GuardedSets(observations.Topology).DistinctBy(g => (g.Check.Id, g.Set.Region)))
        {
            if (check.Type == HealthCheckType.Tcp || observations.Topology.FindRegion(set.Region) is not { } region)
            {
                continue;
            }

            var path = check.Path.Split('?')[0];
            var probed = region.Functions.FirstOrDefault(f => f.Route.Matches("GET", path));
            var hit = region.Functions.Where(f => faulted.Contains(f.Id)).ToList();
            if (probed is null || hit.Count == 0 || hit.Contains(probed) || !RunFacts.StayedHealthy(observations, check.Id, fault))
            {
                continue;
            }

            yield return new DiagnosisFinding
            {
                Code = DiagnosisCodes.HealthCheckPathNotFaulted,
                Headline = DiagnosisTexts.PathNotFaulted(check.Id, check.Path, string.Join(" or ", hit.Select(f => f.Route.Path).Distinct(StringComparer.Ordinal))),
                Evidence =
                [
                    $"{check.Id} probes {check.Path}, routed in {region.Name} to {probed.Id}",
                    $"faults hit {string.Join(", ", hit.Select(f => $"{f.Id} ({f.Route})"))}",
                    $"{check.Id} stayed healthy through the fault phase ({RunFacts.Offset(observations, fault.From)} to {RunFacts.Offset(observations, fault.To)})",
                ],
                Fix = DiagnosisTexts.PathNotFaultedFix(check.Id, check.Path),
                HealthCheck = check.Id,
                Region = region.Name,
            };
        }
    }

    /// <summary>Rule <see cref="DiagnosisCodes.FailOpenNoRegionHealthy"/>.</summary>
    public static IEnumerable<DiagnosisFinding> FailOpen(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var horizon = CheckEvaluator.Horizon(observations);
        foreach (var record in observations.Topology.Dns.Records)
        {
            // A set without a health check is always healthy, so such a record can never fail open.
            if (record.Sets.Count < 2 || record.Sets.Any(s => s.HealthCheck is null))
            {
                continue;
            }

            var checks = record.Sets.Select(s => s.HealthCheck!).Distinct(StringComparer.Ordinal).ToList();
            if (LongestAllUnhealthy(observations, checks, horizon) is not { } span)
            {
                continue;
            }

            var name = DnsName.Normalize(record.Name);
            var answers = observations.Events.OfType<DnsAnswerChanged>()
                .Where(e => string.Equals(DnsName.Normalize(e.Name), name, StringComparison.Ordinal) && e.At >= span.From && e.At <= span.To)
                .ToList();
            if (answers.Any(a => a.Regions.Count == 0))
            {
                // DNS did fail during the span: that is not Route 53 answering all, whatever else went wrong.
                continue;
            }

            var evidence = new List<string>
            {
                $"{string.Join(", ", checks)} were all unhealthy from {RunFacts.Offset(observations, span.From)} to {RunFacts.Offset(observations, span.To)}",
            };
            evidence.AddRange(answers.Select(a => $"{a.Location} got {string.Join(", ", a.Regions)} for {name} at {RunFacts.Offset(observations, a.At)}"));
            yield return new DiagnosisFinding
            {
                Code = DiagnosisCodes.FailOpenNoRegionHealthy,
                Headline = DiagnosisTexts.FailOpen(name, string.Join(" and ", checks), span.Length),
                Evidence = evidence,
                Fix = DiagnosisTexts.FailOpenFix,
            };
        }
    }

    /// <summary>Rule <see cref="DiagnosisCodes.ClientsStuckAfterDnsChange"/>.</summary>
    public static IEnumerable<DiagnosisFinding> ClientsStuck(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        foreach (var client in observations.Topology.Clients)
        {
            var host = RunFacts.Host(client);
            var ttl = observations.Topology.Dns.FindRecord(host)?.LongestAnswerTtl ?? DnsRecord.DefaultTtl;
            var answers = RunFacts.DnsAnswers(observations, client.Location, host);
            var seconds = RunFacts.Seconds(observations, client.Name).ToList();
            var found = false;
            for (var i = 1; i < answers.Count && !found; i++)
            {
                var moved = answers[i];
                if (moved.Regions.Count == 0)
                {
                    continue;
                }

                foreach (var left in answers[i - 1].Regions.Except(moved.Regions, StringComparer.Ordinal))
                {
                    var lasted = StuckFor(seconds, left, moved.At);
                    if (lasted <= ttl + StuckSlack)
                    {
                        continue;
                    }

                    var keepAlive = client.ConnectionReuse == ConnectionReuse.KeepAlive;
                    var at = RunFacts.Offset(observations, moved.At);
                    yield return new DiagnosisFinding
                    {
                        Code = DiagnosisCodes.ClientsStuckAfterDnsChange,
                        Headline = DiagnosisTexts.ClientsStuck(client.Name, left, lasted, client.Location, host, string.Join(", ", moved.Regions), at, ttl, keepAlive),
                        Evidence =
                        [
                            $"{client.Location} got {string.Join(", ", answers[i - 1].Regions)} for {host}, then {string.Join(", ", moved.Regions)} at {at}",
                            $"{client.Name} was still served by or failing at {left} until {RunFacts.Offset(observations, moved.At + lasted)}",
                            $"{host} has TTL {Durations.Format(ttl)}; {client.Name} uses connectionReuse: {(keepAlive ? "keepAlive" : "perRequest")}",
                        ],
                        Fix = DiagnosisTexts.ClientsStuckFix(keepAlive),
                        Population = client.Name,
                        Region = left,
                    };
                    found = true;
                    break;
                }
            }
        }
    }

    /// <summary>The generic finding listing the failed checks.</summary>
    public static DiagnosisFinding ChecksFailed(IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var failed = checks.Where(c => c.Passed == false).ToList();
        return new DiagnosisFinding
        {
            Code = DiagnosisCodes.ChecksFailed,
            Headline = DiagnosisTexts.ChecksFailed(failed.Select(c => c.Number).ToList()),
            Evidence = failed.Select(c => $"#{c.Number} {c.Name}: {c.Measured ?? "nothing measured"}, expected {c.Expected} ({c.Explanation})").ToList(),
        };
    }

    // Seconds from the DNS change on in which the population still got answers from the old region or failed; ends at
    // the first clean second. A second with no finished attempts (requests still waiting) does not end it.
    private static TimeSpan StuckFor(IReadOnlyList<Load.LoadSecond> seconds, string region, DateTimeOffset movedAt)
    {
        var until = movedAt;
        foreach (var second in seconds.Where(s => s.Start + TimeSpan.FromSeconds(1) > movedAt))
        {
            var stats = second.Stats;
            var stuck = stats.RegionCount(region) > 0 || TrafficMeasures.Failures(stats) > 0;
            if (!stuck && stats.Attempts > 0)
            {
                break;
            }

            if (stuck)
            {
                until = second.Start + TimeSpan.FromSeconds(1);
            }
        }

        return until - movedAt;
    }

    private static ResolvedWindow? LongestAllUnhealthy(RunObservations observations, IReadOnlyList<string> checks, DateTimeOffset horizon)
    {
        var state = checks.ToDictionary(c => c, _ => true, StringComparer.Ordinal);
        var flips = observations.Events.OfType<HealthChanged>().Where(e => state.ContainsKey(e.HealthCheck)).OrderBy(e => e.At);
        DateTimeOffset? since = null;
        ResolvedWindow? longest = null;
        foreach (var flip in flips)
        {
            state[flip.HealthCheck] = flip.Healthy;
            var allDown = state.Values.All(h => !h);
            if (allDown && since is null)
            {
                since = flip.At;
            }
            else if (!allDown && since is { } start)
            {
                longest = Longer(longest, new ResolvedWindow(start, flip.At));
                since = null;
            }
        }

        if (since is { } open)
        {
            longest = Longer(longest, new ResolvedWindow(open, horizon < open ? open : horizon));
        }

        return longest;
    }

    private static ResolvedWindow Longer(ResolvedWindow? a, ResolvedWindow b) => a is null || b.Length > a.Length ? b : a;

    private static List<(string Population, long Failures, long Attempts, string Breakdown)> Victims(RunObservations observations, string region, ResolvedWindow fault) =>
        observations.Topology.Clients
            .Select(c => (Client: c, Stats: RunFacts.Traffic(observations, c.Name, fault)))
            .Where(c => TrafficMeasures.Failures(c.Stats) > 0 && RunFacts.RegionsOf(observations, c.Client, fault).Contains(region))
            .Select(c => (Population: c.Client.Name, Failures: TrafficMeasures.Failures(c.Stats), c.Stats.Attempts, Breakdown: TrafficMeasures.FailureBreakdown(c.Stats)))
            .ToList();

    private static IEnumerable<(DnsRecord Record, RecordSet Set, HealthCheckConfig Check)> GuardedSets(Topology.Topology topology)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var record in topology.Dns.Records)
        {
            foreach (var set in record.Sets)
            {
                if (set.HealthCheck is not null && topology.FindHealthCheck(set.HealthCheck) is { } check && seen.Add((check.Id, set.Region)))
                {
                    yield return (record, set, check);
                }
            }
        }
    }
}
