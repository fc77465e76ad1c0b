using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Topology.Linting;

// Alias records with Evaluate Target Health (rule LintCodes.AliasTargetHealthOnly).
public static partial class TopologyLinter
{
    /// <summary>The headline of <see cref="LintCodes.AliasTargetHealthOnly"/>.</summary>
    internal static string AliasTargetHealthOnlyMessage(string record, string setId, string region) =>
        $"set '{setId}' ({region}) of {record} is an alias with evaluateTargetHealth and no health check: for an API Gateway target Route 53 sees only whether the API Gateway service is up in {region}, not your functions, so {record} never fails over on a Lambda outage (errors, timeouts, throttles)";

    /// <summary>The fix of <see cref="LintCodes.AliasTargetHealthOnly"/>: attach a health check probing the region's own name through the function.</summary>
    internal static string AliasTargetHealthOnlyFix(Topology topology, string region)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var ownName = OwnName(topology, region);
        var existing = topology.HealthChecks.FirstOrDefault(c => ownName is not null && string.Equals(c.Fqdn, ownName, StringComparison.Ordinal));
        if (existing is not null)
        {
            return $"attach healthCheck: {existing.Id} (it probes {ownName}, served only by {region}) to the set";
        }

        var name = ownName ?? $"api.{region}.{topology.Dns.Zone}";
        var path = topology.FindRegion(region)?.Functions.FirstOrDefault(f => string.Equals(f.Route.Method, "GET", StringComparison.Ordinal))?.Route.Path ?? "/";
        return $"attach a health check that probes {region}'s own name through its functions (for example fqdn: {name}, path: {path}{(ownName is null ? $", with a simple record {name} region: {region}" : string.Empty)})";
    }

    // Routed alias sets that evaluate target health and have no health check: nothing the functions do can take them out.
    private static void LintAliases(Topology topology, TopologySourceMap map, List<LintFinding> findings)
    {
        foreach (var record in topology.Dns.Records.Where(r => r.Routing != RoutingPolicy.Simple))
        {
            foreach (var set in record.Sets.Where(s => s.Alias is { EvaluateTargetHealth: true } && s.HealthCheck is null))
            {
                findings.Add(new LintFinding
                {
                    Code = LintCodes.AliasTargetHealthOnly,
                    Message = AliasTargetHealthOnlyMessage(record.Name, set.Id, set.Region),
                    Fix = AliasTargetHealthOnlyFix(topology, set.Region),
                    Record = record.Name,
                    SetId = set.Id,
                    Region = set.Region,
                    Location = map.Set(record.Name, set.Id, "alias"),
                });
            }
        }
    }

    // A simple record answering only this region, e.g. api.us-east-1.example.test.
    private static string? OwnName(Topology topology, string region) =>
        topology.Dns.Records.FirstOrDefault(r => r.Routing == RoutingPolicy.Simple && r.Sets.Count == 1 && string.Equals(r.Sets[0].Region, region, StringComparison.Ordinal))?.Name;
}
