using System.Text;
using System.Text.Json;
using Faultline.Core.Aws;
using Faultline.Core.Load;

namespace Faultline.Lab.Metrics;

/// <summary>
/// Formats a finished second of load as one line of CloudWatch Embedded Metric Format (EMF): a JSON object whose
/// <c>_aws</c> member tells CloudWatch Logs to extract the load counters as metrics in a namespace, with the requested
/// URL as the <see cref="SiteDimension"/> dimension (the seed load-gen's). Metric names are the seed's
/// (<see cref="SeedMetricNames"/>), so one dashboard reads a local run's EMF and a real run's CloudWatch
/// metrics alike.
/// </summary>
/// <remarks>
/// Follows the EMF specification: every metric a directive names is a number member of the root object, the dimension
/// is a string member, <c>Timestamp</c> is milliseconds since the Unix epoch, at most
/// <see cref="MaxMetricsPerDirective"/> metrics per directive (more regions spill into further directives), and the
/// storage resolution is 1 s, because the line is per second.
/// </remarks>
public static class EmbeddedMetricFormat
{
    /// <summary>The namespace used when none is given: <c>Faultline</c>.</summary>
    public const string DefaultNamespace = AwsLoadMetrics.Namespace;

    /// <summary>The dimension naming the invoked API: <c>SiteName</c>, whose value is the requested URL.</summary>
    public const string SiteDimension = AwsLoadMetrics.ApiDimension;

    /// <summary>The most metrics one EMF metric directive may name: 100.</summary>
    public const int MaxMetricsPerDirective = 100;

    /// <summary>The longest namespace CloudWatch accepts: 255 characters.</summary>
    public const int MaxNamespaceLength = 255;

    private const string Count = "Count";
    private const string Milliseconds = "Milliseconds";

    /// <summary>
    /// The message for a namespace CloudWatch would reject (empty, longer than 255, or with a character outside
    /// <c>0-9 A-Z a-z . - _ / # :</c>, or starting with the reserved <c>AWS/</c>), or <c>null</c> when it is fine.
    /// </summary>
    public static string? ValidateNamespace(string metricNamespace)
    {
        ArgumentNullException.ThrowIfNull(metricNamespace);
        if (metricNamespace.Length is 0 or > MaxNamespaceLength)
        {
            return $"must be 1 to {MaxNamespaceLength} characters";
        }

        var bad = metricNamespace.FirstOrDefault(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#' or ':'));
        if (bad != default)
        {
            return $"has '{bad}', but CloudWatch namespaces hold only letters, digits and . - _ / # :";
        }

        return metricNamespace.StartsWith("AWS/", StringComparison.Ordinal) ? "starts with AWS/, which is reserved for AWS services" : null;
    }

    /// <summary>
    /// The EMF line (no line break) for <paramref name="second"/>: its counters, one <c>region_{region}</c> per region
    /// in <paramref name="regions"/> (0 for those that served nothing this second, so a failover shows as a drop to 0
    /// rather than a gap) and the latency percentiles when a response finished in the second.
    /// </summary>
    /// <param name="second">The second of one URL's load.</param>
    /// <param name="metricNamespace">The CloudWatch namespace (see <see cref="ValidateNamespace"/>).</param>
    /// <param name="regions">The regions to report: those of this second and any seen before for the URL.</param>
    public static string Format(LoadSecond second, string metricNamespace, IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(second);
        ArgumentNullException.ThrowIfNull(metricNamespace);
        ArgumentNullException.ThrowIfNull(regions);
        var stats = second.Stats;
        var metrics = new List<(string Name, string Unit, double Value)>
        {
            (SeedMetricNames.Requests, Count, stats.Attempts),
            (SeedMetricNames.Status2xx, Count, stats.Status2xx),
            (SeedMetricNames.Status3xx, Count, stats.Status3xx),
            (SeedMetricNames.Status4xx, Count, stats.Status4xx),
            (SeedMetricNames.Status5xx, Count, stats.Status5xx),
            (SeedMetricNames.ErrorsConnect, Count, stats.ConnectErrors),
            (SeedMetricNames.ErrorsDns, Count, stats.DnsErrors),
            (SeedMetricNames.ErrorsTimeout, Count, stats.Timeouts),
            (SeedMetricNames.ErrorsOther, Count, stats.OtherErrors),
            (SeedMetricNames.RequestsDropped, Count, stats.DroppedSends),
        };
        if (stats.LatencyCount > 0)
        {
            metrics.Add((SeedMetricNames.LatencyP50, Milliseconds, stats.Latency(50).TotalMilliseconds));
            metrics.Add((SeedMetricNames.LatencyP90, Milliseconds, stats.Latency(90).TotalMilliseconds));
            metrics.Add((SeedMetricNames.LatencyP99, Milliseconds, stats.Latency(99).TotalMilliseconds));
        }

        foreach (var region in regions.Concat(stats.Regions.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            metrics.Add((SeedMetricNames.RegionPrefix + region, Count, stats.RegionCount(region)));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", second.Start.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            foreach (var chunk in metrics.Chunk(MaxMetricsPerDirective))
            {
                json.WriteStartObject();
                json.WriteString("Namespace", metricNamespace);
                json.WriteStartArray("Dimensions");
                json.WriteStartArray();
                json.WriteStringValue(SiteDimension);
                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteStartArray("Metrics");
                foreach (var (name, unit, _) in chunk)
                {
                    json.WriteStartObject();
                    json.WriteString("Name", name);
                    json.WriteString("Unit", unit);
                    json.WriteNumber("StorageResolution", 1);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString(SiteDimension, second.Url.ToString());
            foreach (var (name, _, value) in metrics)
            {
                json.WriteNumber(name, Math.Round(value, 3));
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

}
