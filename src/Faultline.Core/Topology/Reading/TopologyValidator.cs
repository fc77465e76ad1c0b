using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

/// <summary>
/// The checks that need the whole file: references between parts (regions, locations, health checks,
/// records) and the per-routing rules of records. Runs on the mapper's draft; empty names were already
/// reported as missing and are skipped here.
/// </summary>
internal static class TopologyValidator
{
    public static void Validate(Topology topology, TopologySourceMap map, IReadOnlySet<string> recordsWithBadRouting, YamlReadContext context)
    {
        var regionNames = topology.Regions.Select(r => r.Name).ToList();
        var checkIds = topology.HealthChecks.Select(h => h.Id).ToList();
        var recordNames = topology.Dns.Records.Select(r => r.Name).Where(n => n.Length > 0).ToList();
        var zone = topology.Dns.Zone;
        var reportedLatencyPairs = new HashSet<(string, string)>();

        foreach (var record in topology.Dns.Records)
        {
            var shorthand = record.Sets.Count == 1 && record.Sets[0].Id == record.Name;
            foreach (var set in record.Sets)
            {
                var what = shorthand ? $"record '{Echo.Value(record.Name)}'" : $"set '{Echo.Value(set.Id)}' of record '{Echo.Value(record.Name)}'";
                if (set.Region.Length > 0 && !regionNames.Contains(set.Region))
                {
                    context.Add(TopologyErrors.Undefined(map.Set(record.Name, set.Id, "region"), what, "region", set.Region, "region", "defined", "defined regions", regionNames));
                }

                if (set.HealthCheck is { Length: > 0 } check && !checkIds.Contains(check))
                {
                    context.Add(TopologyErrors.Undefined(map.Set(record.Name, set.Id, "healthCheck"), what, "health check", check, "healthCheck", "defined", "defined health checks", checkIds));
                }
            }

            if (!recordsWithBadRouting.Contains(record.Name))
            {
                ValidateRouting(topology, record, map, context, reportedLatencyPairs);
            }
        }

        foreach (var check in topology.HealthChecks)
        {
            if (check.Fqdn.Length > 0 && zone.Length > 0 && !recordNames.Contains(check.Fqdn))
            {
                context.Add(TopologyErrors.FqdnNotRecord(map.HealthCheck(check.Id, "fqdn"), check.Id, check.Fqdn, zone, recordNames));
            }
        }

        foreach (var client in topology.Clients)
        {
            if (client.Location.Length > 0 && topology.Locations.Count > 0 && !topology.Locations.Contains(client.Location))
            {
                context.Add(TopologyErrors.Undefined(map.Client(client.Name, "location"), $"client '{client.Name}'", "location", client.Location, "location", "a location", "defined locations", topology.Locations));
            }

            var host = DnsName.Normalize(client.Url.Host);
            if (zone.Length > 0 && !recordNames.Contains(host))
            {
                context.Add(TopologyErrors.HostNotRecord(map.Client(client.Name, "url"), client.Name, host, zone, recordNames));
            }
        }
    }

    private static void ValidateRouting(Topology topology, DnsRecord record, TopologySourceMap map, YamlReadContext context, HashSet<(string, string)> reportedLatencyPairs)
    {
        // A record written without a name was recorded under "?" by the mapper.
        var at = map.Record(record.Name.Length > 0 ? record.Name : "?") ?? map.Find("dns/records");
        switch (record.Routing)
        {
            case RoutingPolicy.Simple when record.Sets.Count > 1:
                context.Add(TopologyErrors.SimpleRecordSets(at, record.Name, record.Sets.Count));
                break;
            case RoutingPolicy.Latency:
                for (var i = 0; i < record.Sets.Count; i++)
                {
                    var set = record.Sets[i];
                    if (record.Sets.Take(i).FirstOrDefault(s => s.Region == set.Region) is { } other && set.Region.Length > 0)
                    {
                        context.Add(TopologyErrors.LatencyRegionTwice(map.Set(record.Name, set.Id, "region"), record.Name, set.Id, set.Region, other.Id));
                    }

                    if (topology.FindRegion(set.Region) is null)
                    {
                        continue;
                    }

                    foreach (var location in topology.Locations)
                    {
                        if (topology.Latency.Find(location, set.Region) is null && reportedLatencyPairs.Add((location, set.Region)))
                        {
                            context.Add(TopologyErrors.MissingLatency(map.Set(record.Name, set.Id, "region"), record.Name, set.Region, location));
                        }
                    }
                }

                break;
            case RoutingPolicy.Failover:
                // A role that was written but not understood is already reported; only a missing one is reported here.
                foreach (var set in record.Sets.Where(s => s.Failover is null && map.Find($"dns/records/{record.Name}/sets/{s.Id}/failover") is null))
                {
                    context.Add(TopologyErrors.FailoverRoleMissing(map.Set(record.Name, set.Id), record.Name, set.Id));
                }

                var primaries = record.Sets.Count(s => s.Failover == FailoverRole.Primary);
                if (primaries != 1)
                {
                    context.Add(TopologyErrors.FailoverPrimaryCount(at, record.Name, primaries));
                }

                var secondaries = record.Sets.Count(s => s.Failover == FailoverRole.Secondary);
                if (secondaries > 1)
                {
                    context.Add(TopologyErrors.FailoverSecondaryCount(at, record.Name, secondaries));
                }

                break;
            default:
                break;
        }
    }
}
