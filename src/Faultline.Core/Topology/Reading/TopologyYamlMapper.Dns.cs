using Faultline.Core.Text;
using System.Globalization;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

// The Dns part of the topology file; see TopologyYamlMapper.cs for the approach.
internal sealed partial class TopologyYamlMapper
{
    private DnsConfig ReadDns(MappingReader root)
    {
        root.Required("dns", "{ zone: example.test, records: [...] }");
        var dns = root.Mapping("dns", "dns");
        var zoneText = dns.RequiredString("zone", "example.test");
        var zone = zoneText is null ? string.Empty : DnsName.Normalize(zoneText);
        var propagation = dns.Duration("propagationDelay") ?? TimeSpan.Zero;
        var records = new List<DnsRecord>();
        var items = dns.Sequence("records");
        for (var i = 0; i < items.Count; i++)
        {
            if (ReadRecord(items[i], zone, records) is { } record)
            {
                records.Add(record);
            }
        }

        dns.Complete();
        return new DnsConfig { Zone = zone, Records = records, PropagationDelay = propagation };
    }

    private DnsRecord? ReadRecord(YamlNode node, string zone, List<DnsRecord> records)
    {
        var peekedName = (node as YamlMapping)?.Find("name") is YamlScalar { IsNull: false } nameNode ? DnsName.Normalize(nameNode.Value) : null;
        if (peekedName is not null && records.Any(r => r.Name == peekedName))
        {
            _context.Add(TopologyErrors.Duplicate(((YamlMapping)node).Find("name")!.Location, $"record '{peekedName}'", _context.Find($"dns/records/{peekedName}")));
            return null;
        }

        var what = peekedName is null ? "a record" : $"record '{Echo.Value(peekedName)}'";
        var path = peekedName is null ? "dns/records/?" : $"dns/records/{peekedName}";
        var reader = MappingReader.Create(node, what, path, _context);
        var name = reader.RequiredString("name", "api.example.test") is { } text ? DnsName.Normalize(text) : string.Empty;
        if (name.Length > 0 && zone.Length > 0 && name != zone && !name.EndsWith("." + zone, StringComparison.Ordinal))
        {
            _context.Add(TopologyErrors.RecordOutsideZone(reader.LocationOf("name"), name, zone));
        }

        var type = reader.Text("type") ?? "A";
        if (!string.Equals(type, "A", StringComparison.OrdinalIgnoreCase))
        {
            _context.Add(TopologyErrors.UnsupportedRecordType(reader.LocationOf("type"), what, type));
        }

        var routingValue = reader.Enum("routing", RoutingNames);
        if (routingValue is null && reader.Has("routing"))
        {
            RecordsWithBadRouting.Add(name);
        }

        var routing = routingValue ?? RoutingPolicy.Simple;
        var ttl = reader.Duration("ttl") ?? DnsRecord.DefaultTtl;
        var sets = new List<RecordSet>();
        var hasShorthand = reader.Has("region") || reader.Has("healthCheck") || reader.Has("alias");
        var region = reader.Text("region");
        var healthCheck = reader.Text("healthCheck");
        var alias = ReadAlias(reader, what);
        if (hasShorthand && reader.Has("sets"))
        {
            _context.Add(TopologyErrors.ShorthandAndSets(reader.LocationOf("sets"), name));
        }
        else if (hasShorthand)
        {
            if (region is null)
            {
                reader.Required("region", "us-east-1");
            }

            sets.Add(new RecordSet { Id = name, Region = region ?? string.Empty, HealthCheck = healthCheck, Alias = alias });
        }

        foreach (var item in reader.Sequence("sets"))
        {
            if (ReadSet(item, name, sets) is { } set)
            {
                sets.Add(set);
            }
        }

        if (sets.Count == 0 && !hasShorthand && reader.Node is not null)
        {
            _context.Add(TopologyErrors.NoSets(reader.Location, name));
        }

        if (reader.Has("ttl") && sets.Count > 0 && sets.All(s => s.Alias is not null))
        {
            _context.Add(TopologyErrors.AliasTtl(reader.LocationOf("ttl"), name));
        }

        reader.Complete();
        if (reader.Node is null)
        {
            // Not a mapping (already reported): an empty record would only cause follow-on errors.
            return null;
        }

        return new DnsRecord { Name = name, Type = type.ToUpperInvariant(), Routing = routing, Ttl = ttl, Sets = sets };
    }

    private RecordSet? ReadSet(YamlNode node, string recordName, List<RecordSet> sets)
    {
        var peekedId = (node as YamlMapping)?.Find("id") is YamlScalar { IsNull: false } idNode ? idNode.Value : null;
        if (peekedId is not null && sets.Any(s => s.Id == peekedId))
        {
            _context.Add(TopologyErrors.Duplicate(((YamlMapping)node).Find("id")!.Location, $"set '{peekedId}' of record '{recordName}'", _context.Find($"dns/records/{recordName}/sets/{peekedId}")));
            return null;
        }

        var what = peekedId is null ? $"a set of record '{Echo.Value(recordName)}'" : $"set '{Echo.Value(peekedId)}' of record '{Echo.Value(recordName)}'";
        var reader = MappingReader.Create(node, what, $"dns/records/{recordName}/sets/{peekedId ?? "?"}", _context);
        var id = reader.RequiredString("id", "us") ?? string.Empty;
        var region = reader.RequiredString("region", "us-east-1") ?? string.Empty;
        var healthCheck = reader.Text("healthCheck");
        var weight = reader.WholeNumber("weight", 0, 255);
        if (weight is < 0 or > 255)
        {
            _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("weight"), what, "weight", weight.Value.ToString(CultureInfo.InvariantCulture), "0", "255", "Route 53's"));
        }

        var failover = reader.Enum("failover", FailoverNames);
        var alias = ReadAlias(reader, what);
        reader.Complete();
        if (reader.Node is null)
        {
            // Not a mapping (already reported): an empty set would only cause follow-on errors.
            return null;
        }

        return new RecordSet { Id = id, Region = region, HealthCheck = healthCheck, Weight = weight ?? 1, Failover = failover, Alias = alias };
    }

    // alias: { evaluateTargetHealth: true } — the set is an alias to its region's API. evaluateTargetHealth is required
    // (as in Route 53's AliasTarget) because it is the whole point: whether Route 53 looks at the target at all.
    private static AliasTarget? ReadAlias(MappingReader owner, string ownerWhat)
    {
        if (!owner.Has("alias"))
        {
            owner.Get("alias");
            return null;
        }

        var reader = owner.Mapping("alias", $"the alias of {ownerWhat}");
        var evaluate = reader.Required("evaluateTargetHealth", "true") is not null ? reader.Boolean("evaluateTargetHealth") : null;
        reader.Complete();
        return reader.Node is null ? null : new AliasTarget { EvaluateTargetHealth = evaluate ?? false };
    }
}
