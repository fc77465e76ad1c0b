using Faultline.Core.Faults;
using Faultline.Core.Topology;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

// Targets, with their filters resolved against the topology; see ExperimentYamlMapper.cs for the approach.
internal sealed partial class ExperimentYamlMapper
{
    private static readonly Dictionary<string, TargetType> TargetTypeNames = new(StringComparer.Ordinal)
    {
        ["function"] = TargetType.Function,
        ["region"] = TargetType.Region,
        ["record"] = TargetType.Record,
        ["healthCheck"] = TargetType.HealthCheck,
    };

    private static readonly string[] AllTargetKeys = ["region", "function", "route", "tags", "record", "healthCheck", "from", "selectionMode"];

    /// <summary>The filter keys each target type takes.</summary>
    internal static IReadOnlyList<string> KeysOf(TargetType type) => type switch
    {
        TargetType.Function => ["region", "function", "route", "tags", "selectionMode"],
        TargetType.Region => ["region", "from", "selectionMode"],
        TargetType.Record => ["record", "selectionMode"],
        _ => ["healthCheck", "selectionMode"],
    };

    /// <summary>The name a target type is written with.</summary>
    internal static string NameOf(TargetType type) => TargetTypeNames.First(p => p.Value == type).Key;

    private List<TargetDefinition> ReadTargets(MappingReader root)
    {
        var result = new List<TargetDefinition>();
        var targets = root.Mapping("targets", "targets");
        foreach (var (name, node) in targets.NamedEntries())
        {
            WrittenTargets.Add(name.Value);
            if (ReadTarget(name, node, targets.ChildPath(name.Value)) is { } target)
            {
                result.Add(target);
            }
        }

        targets.Complete();
        return result;
    }

    private TargetDefinition? ReadTarget(YamlScalar name, YamlNode node, string path)
    {
        var what = $"target '{name.Value}'";
        var reader = MappingReader.Create(node, what, path, _context);
        var type = reader.Required("type", "function") is null ? null : reader.Enum("type", TargetTypeNames);
        if (type is null)
        {
            // Unknown type: every filter key is known, so only genuinely unknown keys are reported.
            foreach (var key in AllTargetKeys)
            {
                reader.Get(key);
            }

            reader.Complete();
            return null;
        }

        var typeName = NameOf(type.Value);
        var allowed = KeysOf(type.Value);
        foreach (var key in AllTargetKeys.Except(allowed))
        {
            if (reader.Has(key))
            {
                _context.Add(ExperimentErrors.KeyNotForTargetType(reader.LocationOf(key), name.Value, key, typeName, allowed.ToArray()));
                reader.Get(key);
            }
        }

        var selection = SelectionMode.All;
        if (reader.Text("selectionMode") is { } modeText && !SelectionMode.TryParse(modeText, out selection))
        {
            _context.Add(ExperimentErrors.BadSelectionMode(reader.LocationOf("selectionMode"), name.Value, modeText));
        }

        var target = type.Value switch
        {
            TargetType.Function => ReadFunctionTarget(reader, name.Value, what),
            TargetType.Region => ReadRegionTarget(reader, what),
            TargetType.Record => ReadRecordTarget(reader, what),
            _ => ReadHealthCheckTarget(reader, what),
        };
        reader.Complete();
        return target is null ? null : new TargetDefinition { Name = name.Value, Type = type.Value, Target = target with { Selection = selection }, Location = name.Location };
    }

    private FaultTarget? ReadFunctionTarget(MappingReader reader, string name, string what)
    {
        var region = reader.Get("region") is { } r ? YamlValues.Scalar(r, what, "region", _context) : null;
        var function = reader.Get("function") is { } f ? YamlValues.Scalar(f, what, "function", _context) : null;
        var route = reader.Text("route")?.Trim();
        var tagsReader = reader.Mapping("tags", $"tags of {what}");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tagsReader.NamedEntries())
        {
            if (YamlValues.Text(value, $"tags of {what}", key.Value, _context) is { } text)
            {
                tags[key.Value] = text;
            }
        }

        tagsReader.Complete();
        var target = new FaultTarget { Region = region?.Value, Function = function?.Value, Route = route, Tags = tags };
        if (Topology is not { } topology)
        {
            return target;
        }

        IEnumerable<FunctionConfig> functions = topology.AllFunctions;
        if (region is not null)
        {
            if (topology.FindRegion(region.Value) is null)
            {
                _context.Add(ExperimentErrors.NotInTopology(region.Location, what, "region", region.Value, topology.Regions.Select(x => x.Name).ToArray()));
                return null;
            }

            functions = functions.Where(x => x.Region == region.Value);
        }

        if (function is not null)
        {
            var known = functions.Select(x => x.Name).Distinct(StringComparer.Ordinal).ToArray();
            if (!known.Contains(function.Value, StringComparer.Ordinal))
            {
                _context.Add(ExperimentErrors.NotInTopology(function.Location, what, "function", function.Value, known));
                return null;
            }

            functions = functions.Where(x => x.Name == function.Value);
        }

        if (route is not null)
        {
            functions = functions.Where(x => RouteMatches(x.Route, route));
        }

        functions = functions.Where(x => tags.All(t => x.Tags.TryGetValue(t.Key, out var v) && v == t.Value));
        if (!functions.Any())
        {
            _context.Add(ExperimentErrors.TargetMatchesNothing(reader.Location, name, topology.AllFunctions.Select(x => $"{x.Id} ({x.Route})").ToArray()));
            return null;
        }

        return target;
    }

    private FaultTarget? ReadRegionTarget(MappingReader reader, string what)
    {
        var region = reader.Get("region") is { } r ? YamlValues.Scalar(r, what, "region", _context) : null;
        IReadOnlyList<YamlScalar> from = reader.Get("from") is YamlScalar single ? [single] : reader.ScalarList("from");
        if (Topology is { } topology)
        {
            foreach (var location in from.Where(l => !topology.Locations.Contains(l.Value, StringComparer.Ordinal)))
            {
                _context.Add(ExperimentErrors.NotInTopology(location.Location, what, "location", location.Value, topology.Locations.ToArray()));
            }
        }

        if (region is not null)
        {
            CheckRegion(region, what);
        }

        return new FaultTarget { Region = region?.Value, FromLocations = from.Select(l => l.Value).ToArray() };
    }

    private FaultTarget? ReadRecordTarget(MappingReader reader, string what)
    {
        var record = reader.Required("record", "api.example.test") is { } node ? YamlValues.Scalar(node, what, "record", _context) : null;
        if (record is null)
        {
            return null;
        }

        var normalized = DnsName.Normalize(record.Value);
        if (Topology is { } topology && topology.Dns.FindRecord(normalized) is null)
        {
            _context.Add(ExperimentErrors.NotInTopology(record.Location, what, "record", normalized, topology.Dns.Records.Select(r => r.Name).ToArray()));
            return null;
        }

        return new FaultTarget { Record = normalized };
    }

    private FaultTarget? ReadHealthCheckTarget(MappingReader reader, string what)
    {
        var id = reader.Required("healthCheck", "hc-us") is { } node ? YamlValues.Scalar(node, what, "healthCheck", _context) : null;
        if (id is null)
        {
            return null;
        }

        if (Topology is { } topology && topology.FindHealthCheck(id.Value) is null)
        {
            _context.Add(ExperimentErrors.NotInTopology(id.Location, what, "health check", id.Value, topology.HealthChecks.Select(h => h.Id).ToArray()));
            return null;
        }

        return new FaultTarget { HealthCheck = id.Value };
    }

    // The same rule as the fault validator: "GET /api/hello" matches method and path, "/api/hello" the path only.
    private static bool RouteMatches(RouteKey route, string given)
    {
        var space = given.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return string.Equals(route.Path, given, StringComparison.Ordinal);
        }

        return string.Equals(route.Method, given[..space], StringComparison.OrdinalIgnoreCase)
            && string.Equals(route.Path, given[(space + 1)..].Trim(), StringComparison.Ordinal);
    }
}
