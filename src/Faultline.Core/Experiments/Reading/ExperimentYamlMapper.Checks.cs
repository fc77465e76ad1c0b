using System.Globalization;
using Faultline.Core.Topology;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

// The hypothesis and its checks; see ExperimentYamlMapper.cs for the approach.
internal sealed partial class ExperimentYamlMapper
{
    private static readonly Dictionary<string, TrafficMetricKind> RateMetrics = new(StringComparer.Ordinal)
    {
        ["successRate"] = TrafficMetricKind.SuccessRate,
        ["status2xxRate"] = TrafficMetricKind.Status2xxRate,
        ["status4xxRate"] = TrafficMetricKind.Status4xxRate,
        ["status5xxRate"] = TrafficMetricKind.Status5xxRate,
        ["errorRate"] = TrafficMetricKind.ErrorRate,
        ["requests"] = TrafficMetricKind.Requests,
    };

    private static readonly string[] AllCheckKeys = ["clients", "during", "becomes", "within", .. ExperimentErrors.TrafficMetricKeys, "healthCheck", "dns"];

    private static readonly Dictionary<string, bool> BecomesNames = new(StringComparer.Ordinal)
    {
        ["healthy"] = true,
        ["unhealthy"] = false,
    };

    private Hypothesis ReadHypothesis(MappingReader root)
    {
        root.Required("hypothesis", "{ title: ..., checks: [...] }");
        var hypothesis = root.Mapping("hypothesis", "the hypothesis");
        var title = hypothesis.RequiredString("title", "A failure in us-east-1 does not affect eu-west-1") ?? string.Empty;
        var items = hypothesis.Sequence("checks");
        var checks = new List<CheckDefinition>();
        var names = new Dictionary<string, CheckDefinition>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var check = ReadCheck(items[i], $"{hypothesis.ChildPath("checks")}/{i}", i);
            if (check is null)
            {
                continue;
            }

            if (names.TryGetValue(check.Name, out var first))
            {
                _context.Add(ExperimentErrors.DuplicateName(check.Location, "check", check.Name, first.Location));
                continue;
            }

            names.Add(check.Name, check);
            checks.Add(check);
        }

        if (hypothesis.Node is not null && items.Count == 0)
        {
            _context.Add(ExperimentErrors.NoChecks(hypothesis.LocationOf("checks")));
        }

        hypothesis.Complete();
        return new Hypothesis { Title = title, Checks = checks };
    }

    private CheckDefinition? ReadCheck(YamlNode node, string path, int index)
    {
        var name = (node as YamlMapping)?.Find("name") is YamlScalar { IsNull: false } n ? n.Value : $"#{index + 1}";
        var what = $"check '{name}'";
        var reader = MappingReader.Create(node, what, path, _context);
        var nameText = reader.RequiredString("name", "eu customers unaffected");
        var metricKeys = ExperimentErrors.TrafficMetricKeys.Concat(["healthCheck", "dns"]).Where(reader.Has).ToArray();
        if (metricKeys.Length != 1)
        {
            _context.Add(metricKeys.Length == 0
                ? ExperimentErrors.CheckHasNoMetric(reader.Location, what)
                : ExperimentErrors.CheckHasManyMetrics(reader.Location, what, metricKeys));

            // Every key is known here, so a misspelt metric is still reported with its did-you-mean.
            foreach (var key in AllCheckKeys)
            {
                reader.Get(key);
            }

            reader.Complete();
            return null;
        }

        var window = ReadWindow(reader, what);
        CheckDefinition? check = metricKeys[0] switch
        {
            "healthCheck" => ReadHealthTransition(reader, what, window),
            "dns" => ReadDnsAnswer(reader, what, window),
            _ => ReadTrafficCheck(reader, what, metricKeys[0], window),
        };
        reader.Complete();
        if (nameText is null || check is null)
        {
            return null;
        }

        return check with { Name = nameText, Location = reader.Location };
    }

    private TrafficCheck? ReadTrafficCheck(MappingReader reader, string what, string key, CheckWindow? window)
    {
        var clients = ReadClients(reader, what);
        var parsed = key switch
        {
            "latency" => ReadLatency(reader, what),
            "regionShare" => ReadRegionShare(reader, what),
            _ => ReadRateMetric(reader, what, key),
        };
        if (parsed is not var (metric, threshold) || window is null)
        {
            return null;
        }

        return new TrafficCheck { Name = string.Empty, Clients = clients, Metric = metric, Threshold = threshold, Window = window };
    }

    private (TrafficMetric, Threshold)? ReadRateMetric(MappingReader reader, string what, string key)
    {
        var kind = RateMetrics[key];
        return reader.Get(key) is { } node && ReadThreshold(node, what, key, kind) is { } threshold
            ? (new TrafficMetric(kind), threshold)
            : null;
    }

    private (TrafficMetric, Threshold)? ReadLatency(MappingReader reader, string what)
    {
        var latency = reader.Mapping("latency", what);
        var entries = latency.NamedEntries();
        latency.Complete();
        if (latency.Node is null)
        {
            return null;
        }

        if (entries.Count != 1)
        {
            _context.Add(ExperimentErrors.NeedsExactlyOne(latency.Location, what, "latency", "percentile", entries.Count));
            return null;
        }

        var (key, value) = entries[0];
        var percentile = ParsePercentile(key.Value);
        if (percentile is null)
        {
            _context.Add(ExperimentErrors.BadPercentile(key.Location, what, key.Value));
            return null;
        }

        var threshold = ReadThreshold(value, what, $"latency {key.Value}", TrafficMetricKind.LatencyPercentile);
        return threshold is null ? null : (new TrafficMetric(TrafficMetricKind.LatencyPercentile, percentile), threshold);
    }

    private (TrafficMetric, Threshold)? ReadRegionShare(MappingReader reader, string what)
    {
        var share = reader.Mapping("regionShare", what);
        var entries = share.NamedEntries();
        share.Complete();
        if (share.Node is null)
        {
            return null;
        }

        if (entries.Count != 1)
        {
            _context.Add(ExperimentErrors.NeedsExactlyOne(share.Location, what, "regionShare", "region", entries.Count));
            return null;
        }

        var (region, value) = entries[0];
        CheckRegion(region, what);
        var threshold = ReadThreshold(value, what, $"regionShare {region.Value}", TrafficMetricKind.RegionShare);
        return threshold is null ? null : (new TrafficMetric(TrafficMetricKind.RegionShare, Region: region.Value), threshold);
    }

    private HealthTransitionCheck? ReadHealthTransition(MappingReader reader, string what, CheckWindow? window)
    {
        var id = reader.Get("healthCheck") is { } node ? YamlValues.Scalar(node, what, "healthCheck", _context) : null;
        if (id is not null && Topology is { } topology && topology.FindHealthCheck(id.Value) is null)
        {
            _context.Add(ExperimentErrors.NotInTopology(id.Location, what, "health check", id.Value, topology.HealthChecks.Select(h => h.Id).ToArray()));
        }

        var becomes = reader.Required("becomes", "unhealthy") is null ? null : reader.Enum("becomes", BecomesNames);
        var within = ReadWithin(reader, what);
        if (id is null || becomes is null || within is null || window is null)
        {
            return null;
        }

        return new HealthTransitionCheck { Name = string.Empty, HealthCheck = id.Value, BecomesHealthy = becomes.Value, Within = within.Value, Window = window };
    }

    private DnsAnswerCheck? ReadDnsAnswer(MappingReader reader, string what, CheckWindow? window)
    {
        var dns = reader.Mapping("dns", what);
        var location = dns.Required("location", "us-east-1") is { } l ? YamlValues.Scalar(l, what, "location", _context) : null;
        var name = dns.Required("name", "api.example.test") is { } n ? YamlValues.Scalar(n, what, "name", _context) : null;
        var answers = dns.Required("answers", "eu-west-1") is { } a ? YamlValues.Scalar(a, what, "answers", _context) : null;
        dns.Complete();
        if (Topology is { } topology)
        {
            if (location is not null && !topology.Locations.Contains(location.Value, StringComparer.Ordinal))
            {
                _context.Add(ExperimentErrors.NotInTopology(location.Location, what, "location", location.Value, topology.Locations.ToArray()));
            }

            if (name is not null && topology.Dns.FindRecord(name.Value) is null)
            {
                _context.Add(ExperimentErrors.NotInTopology(name.Location, what, "record", DnsName.Normalize(name.Value), topology.Dns.Records.Select(r => r.Name).ToArray()));
            }
        }

        if (answers is not null)
        {
            CheckRegion(answers, what);
        }

        var within = ReadWithin(reader, what);
        if (location is null || name is null || answers is null || within is null || window is null)
        {
            return null;
        }

        return new DnsAnswerCheck
        {
            Name = string.Empty,
            QuerierLocation = location.Value,
            QueryName = DnsName.Normalize(name.Value),
            AnswersRegion = answers.Value,
            Within = within.Value,
            Window = window,
        };
    }

    private TimeSpan? ReadWithin(MappingReader reader, string what)
    {
        if (reader.Required("within", "3m") is null)
        {
            return null;
        }

        var within = reader.Duration("within");
        if (within == TimeSpan.Zero)
        {
            _context.Add(ExperimentErrors.NotPositive(reader.LocationOf("within"), what, "within", "3m"));
            return null;
        }

        return within;
    }

    private void CheckRegion(YamlScalar region, string what)
    {
        if (Topology is { } topology && topology.FindRegion(region.Value) is null)
        {
            _context.Add(ExperimentErrors.NotInTopology(region.Location, what, "region", region.Value, topology.Regions.Select(r => r.Name).ToArray()));
        }
    }

    private static double? ParsePercentile(string key)
    {
        if (key.Length < 2 || key[0] is not ('p' or 'P'))
        {
            return null;
        }

        return double.TryParse(key[1..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 100
            ? value
            : null;
    }
}
