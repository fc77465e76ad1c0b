using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Faultline.Core.Experiments;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// The CloudWatch queries <c>analyze</c> reads a real run from, and the <c>aws cloudwatch get-metric-data</c> command
/// lines that fetch them. Per client of the experiment's load: the seed load-gen's counters (<c>status_2xx/3xx/4xx/5xx</c>,
/// the <c>errors_*</c> kinds, <c>requests_dropped</c>, and <c>region_{region}</c> per topology region) in
/// <see cref="AwsMetricConventions.Namespace"/>, asked in the region the client's load task runs in (its location);
/// per health check: Route 53's <c>HealthCheckStatus</c>, asked in us-east-1. Every query has a 60 s period.
/// </summary>
public static class MetricQueries
{
    private static readonly (MetricQueryKind Kind, string Name, string Prefix)[] Counters =
    [
        (MetricQueryKind.Status2xx, AwsMetricConventions.Status2xx, "s2xx"),
        (MetricQueryKind.Status3xx, AwsMetricConventions.Status3xx, "s3xx"),
        (MetricQueryKind.Status4xx, AwsMetricConventions.Status4xx, "s4xx"),
        (MetricQueryKind.Status5xx, AwsMetricConventions.Status5xx, "s5xx"),
        (MetricQueryKind.ErrorsConnect, AwsMetricConventions.ErrorsConnect, "econnect"),
        (MetricQueryKind.ErrorsDns, AwsMetricConventions.ErrorsDns, "edns"),
        (MetricQueryKind.ErrorsTimeout, AwsMetricConventions.ErrorsTimeout, "etimeout"),
        (MetricQueryKind.ErrorsOther, AwsMetricConventions.ErrorsOther, "eother"),
        (MetricQueryKind.RequestsDropped, AwsMetricConventions.RequestsDropped, "dropped"),
    ];

    /// <summary>
    /// Every query for the experiment's clients and the topology's health checks. <paramref name="healthCheckIds"/> maps
    /// a topology health check id to its Route 53 id; one not given gets the placeholder
    /// <see cref="HealthCheckPlaceholder"/>.
    /// </summary>
    public static IReadOnlyList<MetricQuery> For(Experiment experiment, Topology.Topology topology, IReadOnlyDictionary<string, string>? healthCheckIds = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        // A load that names no population sends from every client of the topology (LoadPlan.Populations).
        var clients = experiment.Load.Populations.Count == 0
            ? topology.Clients.ToList()
            : experiment.Load.Populations
                .Select(p => topology.Clients.FirstOrDefault(c => string.Equals(c.Name, p.Client, StringComparison.Ordinal)))
                .OfType<Topology.ClientConfig>()
                .ToList();
        if (clients.GroupBy(c => (c.Location, c.Url.ToString())).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new Diagnostics.InvalidInputException([Diagnostics.Diagnostic.Error(null, AnalyzeErrors.ClientsIndistinct(clash.Select(c => c.Name), clash.Key.Location, clash.Key.Item2), AnalyzeErrors.ClientsIndistinctFix())]);
        }

        var queries = new List<MetricQuery>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var client in clients)
        {
            IReadOnlyList<KeyValuePair<string, string>> dimensions = [new(AwsMetricConventions.ApiDimension, client.Url.ToString())];
            foreach (var (kind, name, prefix) in Counters)
            {
                queries.Add(Counter(Id($"{prefix}_{client.Name}", used), kind, name, client.Name, client.Location, dimensions, null));
            }

            foreach (var region in topology.Regions)
            {
                var name = AwsMetricConventions.RegionPrefix + region.Name;
                queries.Add(Counter(Id($"r_{region.Name}_{client.Name}", used), MetricQueryKind.Region, name, client.Name, client.Location, dimensions, region.Name));
            }
        }

        foreach (var check in topology.HealthChecks)
        {
            var id = healthCheckIds?.GetValueOrDefault(check.Id) ?? HealthCheckPlaceholder(check.Id);
            queries.Add(new MetricQuery
            {
                Id = Id($"hc_{check.Id}", used),
                Kind = MetricQueryKind.HealthCheckStatus,
                Region = AwsMetricConventions.Route53MetricsRegion,
                Namespace = AwsMetricConventions.Route53Namespace,
                MetricName = AwsMetricConventions.HealthCheckStatus,
                Dimensions = [new(AwsMetricConventions.HealthCheckIdDimension, id)],
                Stat = AwsMetricConventions.HealthStat,
                Label = $"{check.Id} {AwsMetricConventions.HealthCheckStatus}",
                HealthCheck = check.Id,
            });
        }

        return queries;
    }

    /// <summary>The stand-in for a health check's Route 53 id the user has to fill in: <c>HEALTH_CHECK_ID_OF_{id}</c>.</summary>
    public static string HealthCheckPlaceholder(string healthCheck) => $"HEALTH_CHECK_ID_OF_{healthCheck}";

    /// <summary>The <c>--metric-data-queries</c> JSON (a list of <c>MetricDataQuery</c>) of <paramref name="queries"/>.</summary>
    public static string ToJson(IEnumerable<MetricQuery> queries, bool indented)
    {
        ArgumentNullException.ThrowIfNull(queries);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var q in queries)
            {
                writer.WriteStartObject();
                writer.WriteString("Id", q.Id);
                writer.WriteStartObject("MetricStat");
                writer.WriteStartObject("Metric");
                writer.WriteString("Namespace", q.Namespace);
                writer.WriteString("MetricName", q.MetricName);
                writer.WriteStartArray("Dimensions");
                foreach (var (name, value) in q.Dimensions)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Name", name);
                    writer.WriteString("Value", value);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteNumber("Period", (int)AwsMetricConventions.Period.TotalSeconds);
                writer.WriteString("Stat", q.Stat);
                writer.WriteEndObject();
                writer.WriteString("Label", q.Label);
                writer.WriteBoolean("ReturnData", true);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The shell commands that fetch every query: per region, one query file (written with a here-document) and one
    /// <c>aws cloudwatch get-metric-data</c> into <c>metrics-{region}.json</c>, over
    /// <paramref name="start"/>..<paramref name="end"/> (UTC, whole minutes).
    /// </summary>
    public static string Commands(IReadOnlyList<MetricQuery> queries, DateTimeOffset? start, DateTimeOffset? end)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var from = start is { } s ? Minute(s).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "START_TIME";
        var to = end is { } e ? Minute(e + AwsMetricConventions.Period - TimeSpan.FromTicks(1)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "END_TIME";
        var text = new StringBuilder();
        text.Append("# Fetch the metrics 'faultline analyze' judges a real run from: one get-metric-data per region.\n");
        if (queries.Any(q => q.HealthCheck is not null && q.Dimensions[0].Value.StartsWith("HEALTH_CHECK_ID_OF_", StringComparison.Ordinal)))
        {
            text.Append("# Replace each HEALTH_CHECK_ID_OF_<check> with the check's Route 53 id (aws route53 list-health-checks),\n");
            text.Append("# or print this again with --health-check-id <check>=<id>.\n");
        }

        if (start is null)
        {
            text.Append("# Replace START_TIME and END_TIME (UTC) with the run's start minus the baseline and its end plus the recovery,\n");
            text.Append("# or print this again with --fis-experiment RUN.json.\n");
        }

        foreach (var group in queries.GroupBy(q => q.Region, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"cat > queries-{group.Key}.json <<'EOF'\n{ToJson(group, indented: true)}\nEOF\n");
            text.Append(CultureInfo.InvariantCulture, $"aws cloudwatch get-metric-data --region {group.Key} --start-time {from} --end-time {to} --scan-by TimestampAscending --metric-data-queries file://queries-{group.Key}.json --output json > metrics-{group.Key}.json\n");
        }

        return text.ToString();
    }

    private static DateTimeOffset Minute(DateTimeOffset at) => CloudWatchMinutes.PeriodStart(at);

    private static MetricQuery Counter(string id, MetricQueryKind kind, string name, string client, string region, IReadOnlyList<KeyValuePair<string, string>> dimensions, string? served) => new()
    {
        Id = id,
        Kind = kind,
        Region = region,
        Namespace = AwsMetricConventions.Namespace,
        MetricName = name,
        Dimensions = dimensions,
        Stat = AwsMetricConventions.CounterStat,
        Label = $"{client} {name}",
        Client = client,
        ServedRegion = served,
    };

    // CloudWatch query ids must match ^[a-z][a-zA-Z0-9_]*$; names with other characters map to '_', and a clash gets a number.
    private static string Id(string raw, HashSet<string> used)
    {
        var id = new string(raw.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_').ToArray());
        var unique = id;
        for (var n = 2; !used.Add(unique); n++)
        {
            unique = $"{id}_{n}";
        }

        return unique;
    }
}
