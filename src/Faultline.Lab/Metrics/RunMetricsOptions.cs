namespace Faultline.Lab.Metrics;

/// <summary>Where a run's metrics go: a loopback Prometheus scrape endpoint, an OTLP collector, or both.</summary>
public sealed record RunMetricsOptions
{
    /// <summary>The port of the Prometheus scrape endpoint on <c>127.0.0.1</c>; 0 picks a free one. Default: <c>null</c>, no endpoint.</summary>
    public int? PrometheusPort { get; init; }

    /// <summary>
    /// The OTLP endpoint to export to. A URL whose path ends in <c>/v1/metrics</c> is used as is over
    /// http/protobuf; any other is a gRPC endpoint (e.g. <c>http://127.0.0.1:4317</c>). Default: <c>null</c>, no export.
    /// </summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>How often (wall time) the OTLP exporter pushes. Default: 1 second, the load's resolution at time scale 1.</summary>
    public TimeSpan OtlpInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Each population's location (<see cref="Core.Topology.ClientConfig.Location"/>), for the <c>location</c> label. Default: empty (label left empty).</summary>
    public IReadOnlyDictionary<string, string> PopulationLocations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
