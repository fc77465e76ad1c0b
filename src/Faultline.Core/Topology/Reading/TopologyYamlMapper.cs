using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

/// <summary>
/// Maps the YAML tree onto the topology records, checking each value where it is written (types, ranges,
/// formats, duplicates). What needs the whole file — references between parts — is left to
/// <see cref="TopologyValidator"/>. Values in error are dropped or left empty so reading can go on and
/// report everything in one pass; the draft is never handed out when there are errors.
/// </summary>
internal sealed partial class TopologyYamlMapper
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

    /// <summary>The longest one-way latency: a day, in milliseconds (the longest duration anywhere, <see cref="Durations.Maximum"/>).</summary>
    private static readonly double MaxLatencyMs = Durations.Maximum.TotalMilliseconds;

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
        var timeScale = reader.TimeScale("timeScale");

        var locations = ReadLocations(reader);
        var latency = ReadLatency(reader, locations);
        var regions = ReadRegions(reader, locations);
        var dns = ReadDns(reader);
        var healthChecks = ReadHealthChecks(reader);
        var clients = ReadClients(reader);
        reader.Complete();
        latency = WithCheckerLatencies(latency, locations, regions, healthChecks);
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
                if (YamlValues.Number(value, $"latencyMs of '{from.Value}'", to.Value, _context, 0, MaxLatencyMs) is { } ms)
                {
                    if (ms < 0)
                    {
                        _context.Add(TopologyErrors.NegativeLatency(value.Location, from.Value, to.Value, ms));
                        continue;
                    }

                    if (ms > MaxLatencyMs)
                    {
                        _context.Error(value.Location, YamlErrors.OutOfRange($"latencyMs of '{from.Value}'", to.Value, ((YamlScalar)value).Value), YamlErrors.OutOfRangeFix(YamlValues.NumberRange(0, MaxLatencyMs)));
                        continue;
                    }

                    entries.Add(new((from.Value, to.Value), TimeSpan.FromMilliseconds(ms)));
                }
            }
        }

        matrix.Complete();
        return new LatencyMatrix(entries);
    }

    // A Route 53 checker region may have a row (or a column) too: where its checkers probe from when it is not a location.
    private void CheckLocation(YamlScalar name, string what, List<string> locations)
    {
        if (locations.Count > 0 && !locations.Contains(name.Value) && !Health.CheckerRegions.IsCheckerRegion(name.Value))
        {
            _context.Add(TopologyErrors.LatencyNotLocation(name.Location, what, name.Value, locations));
        }
    }
}
