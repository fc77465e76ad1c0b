using Faultline.Core.Text;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Topology.Linting;

/// <summary>
/// Static checks on a valid topology for configurations that work but defeat failover — above all a health
/// check that watches a different region from the one it guards (the seed blog's bug). Findings are
/// data (<see cref="LintFinding"/>) so run diagnosis can reuse them.
/// </summary>
public static partial class TopologyLinter
{
    /// <summary>Route 53's recommended maximum TTL for records with health checks.</summary>
    public static readonly TimeSpan RecommendedMaxTtl = TimeSpan.FromSeconds(60);

    /// <summary>Lints a topology; <paramref name="sourceMap"/> (default none) gives findings their locations.</summary>
    public static IReadOnlyList<LintFinding> Lint(Topology topology, TopologySourceMap? sourceMap = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var map = sourceMap ?? TopologySourceMap.Empty;
        var findings = new List<LintFinding>();
        var unroutedReported = new HashSet<(string, string)>();
        foreach (var record in topology.Dns.Records)
        {
            foreach (var set in record.Sets)
            {
                if (set.HealthCheck is null || topology.FindHealthCheck(set.HealthCheck) is not { } check)
                {
                    continue;
                }

                LintProbeTarget(topology, record, set, check, map, findings);
                if (unroutedReported.Add((check.Id, set.Region)))
                {
                    LintPath(topology, set, check, map, findings);
                }
            }

            if (record.Ttl > RecommendedMaxTtl && record.Sets.Any(s => s.HealthCheck is not null))
            {
                findings.Add(new LintFinding
                {
                    Code = LintCodes.TtlAbove60sWithHealthCheck,
                    Message = $"record {record.Name} has TTL {Durations.Format(record.Ttl)} and health-checked sets; AWS recommends 60s or less",
                    Fix = "set ttl: 60s or less, so clients follow a failover within a minute",
                    Record = record.Name,
                    Location = map.Record(record.Name, "ttl"),
                });
            }
        }

        LintCustomDomains(topology, map, findings);
        LintAliases(topology, map, findings);
        foreach (var check in topology.HealthChecks)
        {
            if (!topology.Dns.Records.Any(r => r.Sets.Any(s => s.HealthCheck == check.Id)))
            {
                findings.Add(new LintFinding
                {
                    Code = LintCodes.HealthCheckUnused,
                    Message = $"health check '{check.Id}' is attached to no record set, so it changes no DNS answer",
                    Fix = $"attach it with healthCheck: {check.Id} on a set, or remove it",
                    HealthCheck = check.Id,
                    Location = map.HealthCheck(check.Id),
                });
            }
        }

        return findings;
    }

    /// <summary>
    /// The regions a name resolves to from the given locations, statically, with every set healthy: a simple
    /// record's region; a latency record's lowest-latency region per location; a failover record's primary;
    /// a weighted record's regions of weight above zero. Empty when the name is not a record.
    /// </summary>
    public static IReadOnlyList<string> ServedRegions(Topology topology, string name, IEnumerable<string> fromLocations)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(fromLocations);
        if (topology.Dns.FindRecord(name) is not { Sets.Count: > 0 } record)
        {
            return [];
        }

        IEnumerable<string> regions = record.Routing switch
        {
            // A place with no latency to any set (a checker region of a topology built in code) says nothing.
            RoutingPolicy.Latency => fromLocations
                .Where(location => record.Sets.Any(s => topology.Latency.Find(location, s.Region) is not null))
                .Select(location => record.Sets.MinBy(s => topology.Latency.Find(location, s.Region) ?? TimeSpan.MaxValue)!.Region),
            RoutingPolicy.Failover => record.Sets.Where(s => s.Failover == FailoverRole.Primary).Select(s => s.Region).DefaultIfEmpty(record.Sets[0].Region),
            RoutingPolicy.Weighted => record.Sets.Any(s => s.Weight > 0) ? record.Sets.Where(s => s.Weight > 0).Select(s => s.Region) : record.Sets.Select(s => s.Region),
            _ => [record.Sets[0].Region],
        };
        return regions.Distinct().ToList();
    }

    private static void LintProbeTarget(Topology topology, DnsRecord record, RecordSet set, HealthCheckConfig check, TopologySourceMap map, List<LintFinding> findings)
    {
        var served = ServedRegions(topology, check.Fqdn, check.ProbeRegions);
        var guards = $"{check.Id} guards set '{set.Id}' ({set.Region}) of {record.Name}";
        var fix = FixFor(topology, set.Region);
        if (string.Equals(check.Fqdn, record.Name, StringComparison.Ordinal))
        {
            findings.Add(new LintFinding
            {
                Code = LintCodes.HealthCheckProbesOwnRecord,
                Message = $"{guards} and probes that same name, so which region it watches depends on the answer it gets (AWS: \"unpredictable\")",
                Fix = fix,
                HealthCheck = check.Id,
                Record = record.Name,
                SetId = set.Id,
                Region = set.Region,
                ProbedRegions = served,
                Location = map.HealthCheck(check.Id, "fqdn"),
            });
            return;
        }

        if (served.Any(r => !string.Equals(r, set.Region, StringComparison.Ordinal)))
        {
            findings.Add(new LintFinding
            {
                Code = LintCodes.HealthCheckProbesOtherRegion,
                Message = $"{guards} but probes {check.Fqdn}, which is served by {string.Join(", ", served)}",
                Fix = fix,
                HealthCheck = check.Id,
                Record = record.Name,
                SetId = set.Id,
                Region = set.Region,
                ProbedRegions = served,
                Location = map.HealthCheck(check.Id, "fqdn"),
            });
        }
    }

    private static string FixFor(Topology topology, string region)
    {
        var own = topology.Dns.Records.FirstOrDefault(r => r.Routing == RoutingPolicy.Simple && r.Sets.Count == 1 && r.Sets[0].Region == region);
        return own is null
            ? $"set fqdn to a name served only by {region} (add a simple record such as api.{region}.{topology.Dns.Zone} with region: {region})"
            : $"set fqdn to a name served only by {region}, such as {own.Name}";
    }

    private static void LintPath(Topology topology, RecordSet set, HealthCheckConfig check, TopologySourceMap map, List<LintFinding> findings)
    {
        if (check.Type == HealthCheckType.Tcp || topology.FindRegion(set.Region) is not { } region)
        {
            return;
        }

        var path = check.Path.Split('?')[0];
        if (region.Functions.Any(f => f.Route.Matches("GET", path)))
        {
            return;
        }

        var suggestion = region.Functions.FirstOrDefault(f => f.Handler == "health" && f.Route.Matches("GET", f.Route.Path))
            ?? region.Functions.FirstOrDefault(f => f.Route.Matches("GET", f.Route.Path));
        var routes = region.Functions.Count == 0 ? "(none)" : string.Join(", ", region.Functions.Select(f => f.Route.ToString()));
        findings.Add(new LintFinding
        {
            Code = LintCodes.HealthCheckPathUnrouted,
            Message = $"{check.Id} probes path {check.Path}, which no function in {set.Region} routes (routes: {routes})",
            Fix = suggestion is null ? $"add a GET {check.Path} function in {set.Region}, or set path to a routed path" : $"set path to a routed path, such as {suggestion.Route.Path}",
            HealthCheck = check.Id,
            Region = set.Region,
            SetId = set.Id,
            Location = map.HealthCheck(check.Id, "path"),
        });
    }
}
