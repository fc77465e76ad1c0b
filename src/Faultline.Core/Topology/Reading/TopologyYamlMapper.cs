using System.Globalization;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

/// <summary>
/// Maps the YAML tree onto the topology records, checking each value where it is written (types, ranges,
/// formats, duplicates). What needs the whole file — references between parts — is left to
/// <see cref="TopologyValidator"/>. Values in error are dropped or left empty so reading can go on and
/// report everything in one pass; the draft is never handed out when there are errors.
/// </summary>
internal sealed class TopologyYamlMapper
{
    private static readonly Dictionary<string, RoutingPolicy> RoutingNames = new(StringComparer.Ordinal)
    {
        ["latency"] = RoutingPolicy.Latency,
        ["failover"] = RoutingPolicy.Failover,
        ["weighted"] = RoutingPolicy.Weighted,
        ["simple"] = RoutingPolicy.Simple,
    };

    private static readonly Dictionary<string, HealthCheckType> HealthCheckTypeNames = new(StringComparer.Ordinal)
    {
        ["HTTP"] = HealthCheckType.Http,
        ["HTTPS"] = HealthCheckType.Https,
        ["HTTP_STR_MATCH"] = HealthCheckType.HttpStrMatch,
        ["HTTPS_STR_MATCH"] = HealthCheckType.HttpsStrMatch,
        ["TCP"] = HealthCheckType.Tcp,
    };

    private static readonly Dictionary<string, FailoverRole> FailoverNames = new(StringComparer.Ordinal)
    {
        ["primary"] = FailoverRole.Primary,
        ["secondary"] = FailoverRole.Secondary,
    };

    private static readonly Dictionary<string, ConnectionReuse> ConnectionReuseNames = new(StringComparer.Ordinal)
    {
        ["keepAlive"] = ConnectionReuse.KeepAlive,
        ["perRequest"] = ConnectionReuse.PerRequest,
    };

    private readonly YamlReadContext _context;

    public TopologyYamlMapper(YamlReadContext context)
    {
        _context = context;
    }

    /// <summary>Records whose routing was written but not understood (already reported): their routing rules are not checked.</summary>
    public HashSet<string> RecordsWithBadRouting { get; } = new(StringComparer.Ordinal);

    /// <summary>Maps the document root; always returns a draft (possibly partial).</summary>
    public Topology Map(YamlNode root)
    {
        var reader = MappingReader.Create(root, "the topology", string.Empty, _context);
        var name = reader.RequiredString("name", "hello-api") ?? string.Empty;
        var timeScale = reader.Number("timeScale");
        if (timeScale is <= 0)
        {
            _context.Add(TopologyErrors.TimeScaleNotPositive(reader.LocationOf("timeScale"), timeScale.Value));
        }

        var locations = ReadLocations(reader);
        var latency = ReadLatency(reader, locations);
        var regions = ReadRegions(reader, locations);
        var dns = ReadDns(reader);
        var healthChecks = ReadHealthChecks(reader);
        var clients = ReadClients(reader);
        reader.Complete();
        return new Topology
        {
            Name = name,
            TimeScale = timeScale,
            Locations = locations,
            Latency = latency,
            Regions = regions,
            Dns = dns,
            HealthChecks = healthChecks,
            Clients = clients,
        };
    }

    private List<string> ReadLocations(MappingReader root)
    {
        var present = root.Required("locations", "[us-east-1, eu-west-1]") is not null;
        var result = new List<string>();
        foreach (var item in root.ScalarList("locations"))
        {
            if (result.Contains(item.Value))
            {
                _context.Add(TopologyErrors.Duplicate(item.Location, $"location '{item.Value}'", _context.Find($"locations/{item.Value}")));
                continue;
            }

            _context.Record($"locations/{item.Value}", item.Location);
            result.Add(item.Value);
        }

        if (present && result.Count == 0)
        {
            _context.Add(TopologyErrors.NoLocations(root.LocationOf("locations")));
        }
        else if (result.Count > 254)
        {
            _context.Add(TopologyErrors.TooManyLocations(root.LocationOf("locations"), result.Count));
        }

        return result;
    }

    private LatencyMatrix ReadLatency(MappingReader root, List<string> locations)
    {
        var entries = new List<KeyValuePair<(string From, string To), TimeSpan>>();
        var matrix = root.Mapping("latencyMs", "latencyMs");
        foreach (var (from, row) in matrix.NamedEntries())
        {
            CheckLocation(from, "latencyMs", locations);
            var rowReader = MappingReader.Create(row, $"latencyMs of '{from.Value}'", matrix.ChildPath(from.Value), _context);
            foreach (var (to, value) in rowReader.NamedEntries())
            {
                CheckLocation(to, $"latencyMs of '{from.Value}'", locations);
                if (YamlValues.Number(value, $"latencyMs of '{from.Value}'", to.Value, _context) is { } ms)
                {
                    if (ms < 0)
                    {
                        _context.Add(TopologyErrors.NegativeLatency(value.Location, from.Value, to.Value, ms));
                        continue;
                    }

                    entries.Add(new((from.Value, to.Value), TimeSpan.FromMilliseconds(ms)));
                }
            }
        }

        matrix.Complete();
        return new LatencyMatrix(entries);
    }

    private void CheckLocation(YamlScalar name, string what, List<string> locations)
    {
        if (locations.Count > 0 && !locations.Contains(name.Value))
        {
            _context.Add(TopologyErrors.LatencyNotLocation(name.Location, what, name.Value, locations));
        }
    }

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

            var what = $"region '{name.Value}'";
            var region = MappingReader.Create(node, what, regions.ChildPath(name.Value), _context);
            var gatewayReader = region.Mapping("gateway", $"gateway of {what}");
            var gateway = new GatewayConfig();
            if (gatewayReader.Duration("integrationTimeout") is { } integrationTimeout)
            {
                if (integrationTimeout < TimeSpan.FromMilliseconds(50) || integrationTimeout > TimeSpan.FromSeconds(300))
                {
                    _context.Add(TopologyErrors.OutOfRange(gatewayReader.LocationOf("integrationTimeout"), gatewayReader.What, "integrationTimeout", Text.Durations.Format(integrationTimeout), "50ms", "300s", "API Gateway's"));
                }

                gateway = new GatewayConfig { IntegrationTimeout = integrationTimeout };
            }

            gatewayReader.Complete();
            var functions = ReadFunctions(region, name.Value);
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
            var what = $"function '{name.Value}' in region '{regionName}'";
            var reader = MappingReader.Create(node, what, functions.ChildPath(name.Value), _context);
            var route = ParseRoute(reader);
            var handler = reader.Text("handler");
            var upstreamText = reader.Text("upstream");
            if (handler is not null && upstreamText is not null)
            {
                _context.Add(TopologyErrors.HandlerAndUpstream(reader.LocationOf("upstream"), what));
            }
            else if (handler is null && upstreamText is null && reader.Node is not null)
            {
                _context.Add(TopologyErrors.NoHandlerNorUpstream(reader.Location, what));
            }

            if (handler is not null && !TopologyReader.BuiltInHandlers.Contains(handler))
            {
                _context.Add(TopologyErrors.UnknownHandler(reader.LocationOf("handler"), what, handler));
            }

            Uri? upstream = null;
            if (upstreamText is not null)
            {
                if (Uri.TryCreate(upstreamText, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.IsLoopback)
                {
                    upstream = uri;
                }
                else
                {
                    _context.Add(TopologyErrors.UpstreamNotLoopback(reader.LocationOf("upstream"), what, upstreamText));
                }
            }

            var timeout = reader.Duration("timeout") ?? FunctionConfig.DefaultTimeout;
            if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromSeconds(900))
            {
                _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("timeout"), what, "timeout", Text.Durations.Format(timeout), "1s", "900s", "Lambda's"));
            }

            var reserved = reader.WholeNumber("reservedConcurrency");
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

        var what = peekedName is null ? "a record" : $"record '{peekedName}'";
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
        var hasShorthand = reader.Has("region") || reader.Has("healthCheck");
        var region = reader.Text("region");
        var healthCheck = reader.Text("healthCheck");
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

            sets.Add(new RecordSet { Id = name, Region = region ?? string.Empty, HealthCheck = healthCheck });
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

        var what = peekedId is null ? $"a set of record '{recordName}'" : $"set '{peekedId}' of record '{recordName}'";
        var reader = MappingReader.Create(node, what, $"dns/records/{recordName}/sets/{peekedId ?? "?"}", _context);
        var id = reader.RequiredString("id", "us") ?? string.Empty;
        var region = reader.RequiredString("region", "us-east-1") ?? string.Empty;
        var healthCheck = reader.Text("healthCheck");
        var weight = reader.WholeNumber("weight");
        if (weight is < 0 or > 255)
        {
            _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("weight"), what, "weight", weight.Value.ToString(CultureInfo.InvariantCulture), "0", "255", "Route 53's"));
        }

        var failover = reader.Enum("failover", FailoverNames);
        reader.Complete();
        if (reader.Node is null)
        {
            // Not a mapping (already reported): an empty set would only cause follow-on errors.
            return null;
        }

        return new RecordSet { Id = id, Region = region, HealthCheck = healthCheck, Weight = weight ?? 1, Failover = failover };
    }

    private List<HealthCheckConfig> ReadHealthChecks(MappingReader root)
    {
        var result = new List<HealthCheckConfig>();
        var checks = root.Mapping("healthChecks", "healthChecks");
        foreach (var (id, node) in checks.NamedEntries())
        {
            var what = $"health check '{id.Value}'";
            var reader = MappingReader.Create(node, what, checks.ChildPath(id.Value), _context);
            var type = reader.Enum("type", HealthCheckTypeNames) ?? HealthCheckType.Https;
            var typeName = HealthCheckTypeNames.First(p => p.Value == type).Key;
            var fqdn = reader.RequiredString("fqdn", "api.us-east-1.example.test") is { } fqdnText ? DnsName.Normalize(fqdnText) : string.Empty;
            var port = reader.WholeNumber("port");
            if (port is < 1 or > 65535)
            {
                _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("port"), what, "port", port.Value.ToString(CultureInfo.InvariantCulture), "1", "65535", "TCP's"));
            }

            var path = reader.Text("path") ?? "/";
            if (!path.StartsWith('/'))
            {
                _context.Add(TopologyErrors.PathNotAbsolute(reader.LocationOf("path"), id.Value, path));
            }

            var interval = reader.Duration("interval") ?? HealthCheckConfig.DefaultInterval;
            if (interval != TimeSpan.FromSeconds(10) && interval != TimeSpan.FromSeconds(30))
            {
                _context.Add(TopologyErrors.BadInterval(reader.LocationOf("interval"), what, interval));
            }

            var threshold = reader.WholeNumber("failureThreshold") ?? HealthCheckConfig.DefaultFailureThreshold;
            if (threshold is < 1 or > 10)
            {
                _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("failureThreshold"), what, "failureThreshold", threshold.ToString(CultureInfo.InvariantCulture), "1", "10", "Route 53's"));
            }

            var searchString = reader.Text("searchString");
            var isStringMatch = type is HealthCheckType.HttpStrMatch or HealthCheckType.HttpsStrMatch;
            if (isStringMatch && string.IsNullOrEmpty(searchString) && reader.Node is not null)
            {
                _context.Add(TopologyErrors.SearchStringRequired(reader.LocationOf("type"), id.Value, typeName));
            }
            else if (searchString is { Length: > 255 })
            {
                _context.Add(TopologyErrors.SearchStringTooLong(reader.LocationOf("searchString"), id.Value, searchString.Length));
            }
            else if (!isStringMatch && searchString is not null)
            {
                _context.Add(TopologyErrors.SearchStringUnused(reader.LocationOf("searchString"), id.Value, typeName));
            }

            var checkers = reader.WholeNumber("checkers") ?? HealthCheckConfig.DefaultCheckers;
            if (checkers is < 1 or > 64)
            {
                _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("checkers"), what, "checkers", checkers.ToString(CultureInfo.InvariantCulture), "1", "64", "the lab's"));
            }

            var regions = reader.ScalarList("regions").Select(s => s.Value).ToList();
            var inverted = reader.Boolean("inverted") ?? false;
            var disabled = reader.Boolean("disabled") ?? false;
            reader.Complete();
            result.Add(new HealthCheckConfig
            {
                Id = id.Value,
                Type = type,
                Fqdn = fqdn,
                Port = port,
                Path = path,
                Interval = interval,
                FailureThreshold = threshold,
                SearchString = searchString,
                Checkers = checkers,
                Regions = regions,
                Inverted = inverted,
                Disabled = disabled,
            });
        }

        return result;
    }

    private List<ClientConfig> ReadClients(MappingReader root)
    {
        var result = new List<ClientConfig>();
        var clients = root.Mapping("clients", "clients");
        foreach (var (name, node) in clients.NamedEntries())
        {
            var what = $"client '{name.Value}'";
            var reader = MappingReader.Create(node, what, clients.ChildPath(name.Value), _context);
            var location = reader.RequiredString("location", "us-east-1") ?? string.Empty;
            var urlText = reader.RequiredString("url", "https://api.example.test/api/hello");
            Uri? url = null;
            if (urlText is not null)
            {
                if (Uri.TryCreate(urlText, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    url = uri;
                }
                else
                {
                    _context.Add(TopologyErrors.BadUrl(reader.LocationOf("url"), what, urlText));
                }
            }

            var rate = ReadRate(reader);
            var reuse = reader.Enum("connectionReuse", ConnectionReuseNames) ?? ConnectionReuse.KeepAlive;
            reader.Complete();
            if (url is not null)
            {
                result.Add(new ClientConfig { Name = name.Value, Location = location, Url = url, RatePerSecond = rate ?? 0, ConnectionReuse = reuse });
            }
        }

        return result;
    }

    private double? ReadRate(MappingReader reader)
    {
        var node = reader.Required("rate", "20/s");
        if (node is null || YamlValues.Scalar(node, reader.What, "rate", _context) is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        var perSeconds = 1.0;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            perSeconds = text[(slash + 1)..].Trim() switch
            {
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => double.NaN,
            };
            text = text[..slash].Trim();
        }

        if (double.IsNaN(perSeconds) || !YamlValues.TryParseNumber(text, out var count))
        {
            _context.Add(TopologyErrors.BadRate(scalar.Location, reader.What, scalar.Value));
            return null;
        }

        if (count <= 0)
        {
            _context.Add(TopologyErrors.RateNotPositive(scalar.Location, reader.What, scalar.Value));
            return null;
        }

        return count / perSeconds;
    }
}
