using System.Globalization;
using Faultline.Core.Diagnostics;
using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

// A region's gateway settings (docs/topology.md, "Gateways"); see TopologyYamlMapper.cs for the approach.
internal sealed partial class TopologyYamlMapper
{
    private static readonly Dictionary<string, GatewayType> GatewayTypeNames = new(StringComparer.Ordinal)
    {
        ["rest"] = GatewayType.Rest,
        ["http"] = GatewayType.Http,
    };

    /// <summary>Reads <c>gateway</c>; the route throttling keys are checked against <paramref name="functions"/>.</summary>
    private GatewayConfig ReadGateway(MappingReader region, string what, List<FunctionConfig> functions)
    {
        var reader = region.Mapping("gateway", $"gateway of {what}");
        var type = reader.Enum("type", GatewayTypeNames) ?? GatewayType.Rest;
        var max = type == GatewayType.Http ? GatewayConfig.HttpApiMaxIntegrationTimeout : TimeSpan.FromSeconds(300);
        var timeout = reader.Duration("integrationTimeout");
        if (timeout is { } t && (t < TimeSpan.FromMilliseconds(50) || t > max))
        {
            _context.Add(type == GatewayType.Http
                ? TopologyErrors.HttpIntegrationTimeoutOutOfRange(reader.LocationOf("integrationTimeout"), reader.What, t)
                : TopologyErrors.OutOfRange(reader.LocationOf("integrationTimeout"), reader.What, "integrationTimeout", Durations.Format(t), "50ms", "300s", "API Gateway's"));
        }

        var throttling = reader.Has("throttling") ? ReadThrottle(reader.Mapping("throttling", $"throttling of {what}")) : ThrottleSettings.AccountDefault;
        var routes = new Dictionary<RouteKey, ThrottleSettings>();
        var routeThrottling = reader.Mapping("routeThrottling", $"routeThrottling of {what}");
        foreach (var (name, node) in routeThrottling.NamedEntries())
        {
            var settings = ReadThrottle(MappingReader.Create(node, $"route '{Echo.Value(name.Value)}' in routeThrottling of {what}", routeThrottling.ChildPath(name.Value), _context));
            var parts = name.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TopologyReader.RouteMethods.Contains(parts[0].ToUpperInvariant()) || !parts[1].StartsWith('/'))
            {
                _context.Add(TopologyErrors.BadThrottledRoute(name.Location, reader.What, Echo.Value(name.Value)));
                continue;
            }

            var route = new RouteKey(parts[0].ToUpperInvariant(), parts[1]);
            if (!functions.Any(f => f.Route == route))
            {
                _context.Add(TopologyErrors.UnroutedThrottledRoute(name.Location, reader.What, route, functions.Select(f => f.Route.ToString()).ToList()));
                continue;
            }

            routes[route] = settings;
        }

        var domains = ReadCustomDomains(reader, what);
        reader.Complete();
        var gateway = new GatewayConfig
        {
            Type = type,
            IntegrationTimeout = timeout ?? (type == GatewayType.Http ? GatewayConfig.HttpApiMaxIntegrationTimeout : GatewayConfig.DefaultIntegrationTimeout),
            Throttling = throttling,
        };

        // Empty lists stay the shared defaults, so a region without them equals one built in code.
        return gateway with
        {
            RouteThrottling = routes.Count > 0 ? routes : gateway.RouteThrottling,
            CustomDomains = domains.Count > 0 ? domains : gateway.CustomDomains,
        };
    }

    private ThrottleSettings ReadThrottle(MappingReader reader)
    {
        var rate = reader.Number("rateLimit", 0, ThrottleSettings.MaxRateLimit);
        if (rate is < 0 or > ThrottleSettings.MaxRateLimit)
        {
            _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("rateLimit"), reader.What, "rateLimit", rate.Value.ToString(CultureInfo.InvariantCulture), "0", ThrottleSettings.MaxRateLimit.ToString("N0", CultureInfo.InvariantCulture), "the lab's"));
        }

        var burst = reader.WholeNumber("burstLimit", 0, ThrottleSettings.MaxBurstLimit);
        if (burst is < 0 or > ThrottleSettings.MaxBurstLimit)
        {
            _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("burstLimit"), reader.What, "burstLimit", burst.Value.ToString(CultureInfo.InvariantCulture), "0", ThrottleSettings.MaxBurstLimit.ToString("N0", CultureInfo.InvariantCulture), "the lab's"));
        }

        reader.Complete();
        return new ThrottleSettings
        {
            RateLimit = rate ?? ThrottleSettings.AccountDefault.RateLimit,
            BurstLimit = burst ?? ThrottleSettings.AccountDefault.BurstLimit,
        };
    }

    private List<CustomDomain> ReadCustomDomains(MappingReader gateway, string what)
    {
        var result = new List<CustomDomain>();
        var firstAt = new Dictionary<string, SourceLocation?>(StringComparer.Ordinal);
        var items = gateway.Sequence("customDomains");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            string? name;
            SourceLocation? nameAt;
            IReadOnlyList<string> basePaths = ["/"];
            if (item is YamlMapping)
            {
                var reader = MappingReader.Create(item, $"custom domain {i + 1} of {what}", $"{gateway.ChildPath("customDomains")}/{i}", _context);
                name = reader.RequiredString("name", "api.example.test");
                nameAt = reader.LocationOf("name");
                if (reader.Has("basePaths"))
                {
                    basePaths = ReadBasePaths(reader, what);
                }

                reader.Complete();
            }
            else
            {
                name = YamlValues.Text(item, $"gateway of {what}", "customDomains", _context);
                nameAt = item.Location;
            }

            if (name is null)
            {
                continue;
            }

            var normalized = DnsName.Normalize(name);
            if (normalized.Length == 0 || normalized.Length > 253 || normalized.Split('.').Any(l => l.Length is 0 or > 63 || !l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '*')))
            {
                _context.Add(TopologyErrors.BadCustomDomain(nameAt, $"gateway of {what}", Echo.Value(name)));
                continue;
            }

            if (!firstAt.TryAdd(normalized, nameAt))
            {
                _context.Add(TopologyErrors.Duplicate(nameAt, $"custom domain '{Echo.Value(normalized)}' of {what}", firstAt[normalized]));
                continue;
            }

            result.Add(new CustomDomain { Name = normalized, BasePaths = basePaths });
        }

        return result;
    }

    private List<string> ReadBasePaths(MappingReader domain, string what)
    {
        var result = new List<string>();
        foreach (var scalar in domain.ScalarList("basePaths"))
        {
            var text = scalar.Value.Trim();
            var path = text.Length > 1 ? text.TrimEnd('/') : text;
            var segments = path.Split('/');
            if (path != "/" && (!path.StartsWith('/') || segments.Skip(1).Any(s => s.Length == 0 || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
            {
                _context.Add(TopologyErrors.BadBasePath(scalar.Location, $"custom domain of {what}", Echo.Value(text)));
                continue;
            }

            if (!result.Contains(path))
            {
                result.Add(path);
            }
        }

        return result;
    }
}
