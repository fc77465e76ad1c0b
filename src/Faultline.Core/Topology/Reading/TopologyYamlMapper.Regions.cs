using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

// The Regions part of the topology file; see TopologyYamlMapper.cs for the approach.
internal sealed partial class TopologyYamlMapper
{
    private List<Region> ReadRegions(MappingReader root, List<string> locations)
    {
        var result = new List<Region>();
        root.Required("regions", "{ us-east-1: { functions: { ... } } }");
        var regions = root.Mapping("regions", "regions");
        foreach (var (name, node) in regions.NamedEntries())
        {
            if (locations.Count > 0 && !locations.Contains(name.Value))
            {
                _context.Add(TopologyErrors.RegionNotLocation(name.Location, name.Value, locations));
            }

            var what = $"region '{Echo.Value(name.Value)}'";
            var region = MappingReader.Create(node, what, regions.ChildPath(name.Value), _context);
            var functions = ReadFunctions(region, name.Value);
            var gateway = ReadGateway(region, what, functions);
            region.Complete();
            result.Add(new Region { Name = name.Value, Gateway = gateway, Functions = functions });
        }

        return result;
    }

    private List<FunctionConfig> ReadFunctions(MappingReader region, string regionName)
    {
        var result = new List<FunctionConfig>();
        var functions = region.Mapping("functions", $"functions of region '{regionName}'");
        foreach (var (name, node) in functions.NamedEntries())
        {
            var what = $"function '{Echo.Value(name.Value)}' in region '{Echo.Value(regionName)}'";
            var reader = MappingReader.Create(node, what, functions.ChildPath(name.Value), _context);
            var route = ParseRoute(reader);
            var handler = reader.Text("handler");
            var hasUpstream = reader.Has("upstream");
            if (handler is not null && hasUpstream)
            {
                _context.Add(TopologyErrors.HandlerAndUpstream(reader.LocationOf("upstream"), what));
            }
            else if (handler is null && !hasUpstream && reader.Node is not null)
            {
                _context.Add(TopologyErrors.NoHandlerNorUpstream(reader.Location, what));
            }

            if (handler is not null && !TopologyReader.BuiltInHandlers.Contains(handler))
            {
                _context.Add(TopologyErrors.UnknownHandler(reader.LocationOf("handler"), what, handler));
            }

            var (upstream, upstreamProtocol) = ReadUpstream(reader, what);

            var timeout = reader.Duration("timeout") ?? FunctionConfig.DefaultTimeout;
            if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromSeconds(900))
            {
                _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("timeout"), what, "timeout", Text.Durations.Format(timeout), "1s", "900s", "Lambda's"));
            }

            var reserved = reader.WholeNumber("reservedConcurrency", 0, int.MaxValue);
            if (reserved is < 0)
            {
                _context.Add(TopologyErrors.NegativeReservedConcurrency(reader.LocationOf("reservedConcurrency"), what, reserved.Value));
            }

            var function = new FunctionConfig
            {
                Name = name.Value,
                Region = regionName,
                Route = route ?? new RouteKey("ANY", string.Empty),
                Handler = handler,
                Upstream = upstream,
                UpstreamProtocol = upstreamProtocol,
                Layers = ReadLayers(reader),
                ChaosExtensionRelease = ReadChaosExtensionRelease(reader),
                Timeout = timeout,
                ReservedConcurrency = reserved,
                ColdStart = reader.Duration("coldStart") ?? TimeSpan.Zero,
                KeepWarm = reader.Duration("keepWarm") ?? TimeSpan.FromMinutes(5),
                Environment = ReadStringMap(reader, "environment", what),
                Tags = ReadStringMap(reader, "tags", what),
            };
            reader.Complete();
            if (route is not null && result.FirstOrDefault(f => f.Route == route) is { } other)
            {
                _context.Add(TopologyErrors.DuplicateRoute(reader.LocationOf("route"), what, route, other.Name));
            }

            result.Add(function);
        }

        return result;
    }

    private RouteKey? ParseRoute(MappingReader reader)
    {
        var text = reader.RequiredString("route", "GET /api/hello");
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TopologyReader.RouteMethods.Contains(parts[0].ToUpperInvariant()) && parts[1].StartsWith('/'))
        {
            return new RouteKey(parts[0].ToUpperInvariant(), parts[1]);
        }

        _context.Add(TopologyErrors.BadRoute(reader.LocationOf("route"), reader.What, text));
        return null;
    }

    private Dictionary<string, string> ReadStringMap(MappingReader owner, string key, string what)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var map = owner.Mapping(key, $"{key} of {what}");
        foreach (var (name, value) in map.NamedEntries())
        {
            if (YamlValues.Text(value, $"{key} of {what}", name.Value, _context) is { } text)
            {
                result[name.Value] = text;
            }
        }

        return result;
    }
}
