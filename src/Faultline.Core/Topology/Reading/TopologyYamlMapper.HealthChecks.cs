using Faultline.Core.Health;
using Faultline.Core.Text;
using System.Globalization;
using Faultline.Core.Yaml;

namespace Faultline.Core.Topology.Reading;

// The HealthChecks part of the topology file; see TopologyYamlMapper.cs for the approach.
internal sealed partial class TopologyYamlMapper
{
    private List<HealthCheckConfig> ReadHealthChecks(MappingReader root)
    {
        var result = new List<HealthCheckConfig>();
        var checks = root.Mapping("healthChecks", "healthChecks");
        foreach (var (id, node) in checks.NamedEntries())
        {
            var what = $"health check '{Echo.Value(id.Value)}'";
            var reader = MappingReader.Create(node, what, checks.ChildPath(id.Value), _context);
            var type = reader.Enum("type", HealthCheckTypeNames) ?? HealthCheckType.Https;
            var typeName = HealthCheckTypeNames.First(p => p.Value == type).Key;
            var fqdn = reader.RequiredString("fqdn", "api.us-east-1.example.test") is { } fqdnText ? DnsName.Normalize(fqdnText) : string.Empty;
            var port = reader.WholeNumber("port", 1, 65535);
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

            var threshold = reader.WholeNumber("failureThreshold", 1, 10) ?? HealthCheckConfig.DefaultFailureThreshold;
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

            var checkers = reader.WholeNumber("checkers", 1, 64) ?? HealthCheckConfig.DefaultCheckers;
            if (checkers is < 1 or > 64)
            {
                _context.Add(TopologyErrors.OutOfRange(reader.LocationOf("checkers"), what, "checkers", checkers.ToString(CultureInfo.InvariantCulture), "1", "64", "the lab's"));
            }

            var regions = ReadCheckerRegions(reader, id.Value);
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
    // Route 53's checkers probe from its checker regions, at least three of them, all of them by default
    // (https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html, Regions).
    private List<string> ReadCheckerRegions(MappingReader reader, string id)
    {
        var regions = new List<string>();
        var written = reader.ScalarList("regions");
        foreach (var region in written)
        {
            if (!CheckerRegions.IsCheckerRegion(region.Value))
            {
                _context.Add(TopologyErrors.NotCheckerRegion(region.Location, id, region.Value));
            }
            else if (regions.Contains(region.Value))
            {
                _context.Add(TopologyErrors.CheckerRegionTwice(region.Location, id, region.Value));
            }
            else
            {
                regions.Add(region.Value);
            }
        }

        // Too few is reported only when every name was understood: a misspelt one is the thing to fix first.
        if (reader.Has("regions") && regions.Count == written.Count && regions.Count < CheckerRegions.Minimum)
        {
            _context.Add(TopologyErrors.TooFewCheckerRegions(reader.LocationOf("regions"), id, regions.Count));
        }

        return regions;
    }

    // A checker region that is not a location probes from its own place: its latency to each region of the topology is
    // the topology's latencyMs where given, else the built-in table of typical AWS latencies (CheckerLatencies).
    private LatencyMatrix WithCheckerLatencies(LatencyMatrix latency, List<string> locations, IReadOnlyList<Region> regions, List<HealthCheckConfig> checks)
    {
        var added = new List<KeyValuePair<(string From, string To), TimeSpan>>();
        var reported = new HashSet<(string, string)>();
        foreach (var check in checks)
        {
            foreach (var checkerRegion in check.ProbeRegions.Where(r => !locations.Contains(r)))
            {
                foreach (var region in regions.Select(r => r.Name).Where(n => n.Length > 0))
                {
                    if (latency.Find(checkerRegion, region) is not null || added.Any(a => a.Key == (checkerRegion, region)))
                    {
                        continue;
                    }

                    if (CheckerLatencies.Find(checkerRegion, region) is { } builtIn)
                    {
                        added.Add(new((checkerRegion, region), builtIn));
                    }
                    else if (reported.Add((checkerRegion, region)))
                    {
                        var at = _context.Find($"healthChecks/{check.Id}/regions") ?? _context.Find($"healthChecks/{check.Id}");
                        _context.Add(TopologyErrors.MissingCheckerLatency(at, check.Id, checkerRegion, region));
                    }
                }
            }
        }

        return added.Count == 0 ? latency : new LatencyMatrix(latency.Entries.Concat(added));
    }
}
