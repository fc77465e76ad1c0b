using Faultline.Core.Gateway;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Topology.Linting;

// Custom domains (docs/topology.md, "Custom domains"): a region that declares custom domains answers only those names.
public static partial class TopologyLinter
{
    /// <summary>The message of <see cref="LintCodes.CustomDomainMissing"/>.</summary>
    public static string CustomDomainMissingMessage(string record, string setId, string region, IEnumerable<string> declared) =>
        $"record {record} routes set '{setId}' to {region}, whose gateway has no custom domain {record} (it declares {string.Join(", ", declared)}), so every request routed there gets 403 {{\"message\":\"Forbidden\"}}";

    /// <summary>The fix of <see cref="LintCodes.CustomDomainMissing"/>.</summary>
    public static string CustomDomainMissingFix(string record, string region) =>
        $"add {record} to regions.{region}.gateway.customDomains (mapped at /), as every region of a latency, failover or weighted record needs the record's name as a custom domain";

    /// <summary>The message of <see cref="LintCodes.BasePathUnmapped"/>.</summary>
    public static string BasePathUnmappedMessage(string client, string host, string path, string region, IEnumerable<string> basePaths) =>
        $"client '{client}' requests {path} on {host}, but no base path mapping of {host} in {region} covers it (mapped: {string.Join(", ", basePaths)}), so those requests get 403 {{\"message\":\"Forbidden\"}}";

    /// <summary>The fix of <see cref="LintCodes.BasePathUnmapped"/>.</summary>
    public static string BasePathUnmappedFix(string host, string region) =>
        $"add a base path covering the client's path (or /) to {host} under regions.{region}.gateway.customDomains";

    private static void LintCustomDomains(Topology topology, TopologySourceMap map, List<LintFinding> findings)
    {
        foreach (var record in topology.Dns.Records)
        {
            foreach (var set in record.Sets)
            {
                if (topology.FindRegion(set.Region) is not { } region)
                {
                    continue;
                }

                if (CustomDomainRouting.LacksDomain(region.Gateway, record.Name))
                {
                    findings.Add(new LintFinding
                    {
                        Code = LintCodes.CustomDomainMissing,
                        Message = CustomDomainMissingMessage(DnsName.Normalize(record.Name), set.Id, region.Name, region.Gateway.CustomDomains.Select(d => d.Name)),
                        Fix = CustomDomainMissingFix(DnsName.Normalize(record.Name), region.Name),
                        Record = DnsName.Normalize(record.Name),
                        SetId = set.Id,
                        Region = region.Name,
                        Location = map.Set(record.Name, set.Id, "region") ?? map.Record(record.Name) ?? map.Region(region.Name),
                    });
                    continue;
                }

                foreach (var client in topology.Clients.Where(c => string.Equals(DnsName.Normalize(c.Url.Host), DnsName.Normalize(record.Name), StringComparison.Ordinal)))
                {
                    var host = DnsName.Normalize(record.Name);
                    if (CustomDomainRouting.Match(region.Gateway, host, client.Url.AbsolutePath).Kind != CustomDomainMatchKind.NoMapping)
                    {
                        continue;
                    }

                    var domain = region.Gateway.CustomDomains.First(d => string.Equals(d.Name, host, StringComparison.Ordinal));
                    findings.Add(new LintFinding
                    {
                        Code = LintCodes.BasePathUnmapped,
                        Message = BasePathUnmappedMessage(client.Name, host, client.Url.AbsolutePath, region.Name, domain.BasePaths),
                        Fix = BasePathUnmappedFix(host, region.Name),
                        Record = host,
                        SetId = set.Id,
                        Region = region.Name,
                        Location = map.Client(client.Name, "url") ?? map.Region(region.Name),
                    });
                }
            }
        }
    }
}
