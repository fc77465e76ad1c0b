using System.Diagnostics;
using System.Diagnostics.Metrics;
using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Runs.Projection;
using Faultline.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Faultline.Lab.Metrics;

/// <summary>
/// Publishes a run as OpenTelemetry metrics (docs/observing.md) under <see cref="RunMetricNames"/>: the load counters
/// per population, location and URL with status class, error kind and serving region as labels, the latency
/// histogram, health checks, DNS answers, active faults and the phase — scraped by Prometheus from
/// <c>http://127.0.0.1:PORT/metrics</c> and/or pushed over OTLP.
/// </summary>
/// <remarks>
/// Values are the run's lab-time data: each finished lab second adds its counts to the counters, so a
/// counter's rate is per <i>wall</i> second (the time scale times the lab rate). Observability never breaks a
/// run (STYLE habit 9): a failure to record is logged and counted in <c>faultline_metrics_errors_total</c>, never thrown.
/// </remarks>
public sealed class RunMetrics : IRunObserver, IAsyncDisposable
{
    private static readonly Phase[] Phases = [Phase.Baseline, Phase.Fault, Phase.Recovery];
    private static int s_instances;

    private readonly RunMetricsOptions _options;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly MeterProvider _provider;
    private readonly Lock _lock = new();
    private readonly Counter<long> _requests;
    private readonly Counter<long> _responses;
    private readonly Counter<long> _errors;
    private readonly Counter<long> _regionResponses;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _metricsErrors;
    private RunProjection? _run;
    private WebApplication? _app;
    private bool _disposed;

    private RunMetrics(RunMetricsOptions options, ILoggerFactory loggers)
    {
        _options = options;
        _logger = loggers.CreateLogger<RunMetrics>();

        // Each instance has its own meter name: a MeterProvider listens to every meter of a name in the process,
        // and two runs (or tests) side by side must not count each other's requests.
        var meterName = $"{RunMetricNames.Meter}.{Interlocked.Increment(ref s_instances)}";
        _meter = new Meter(meterName);
        _requests = _meter.CreateCounter<long>(Instrument(RunMetricNames.Requests), description: "Attempts with an outcome: responses, errors and drops.");
        _responses = _meter.CreateCounter<long>(Instrument(RunMetricNames.Responses), description: "Responses by status class (2xx, 3xx, 4xx, 5xx).");
        _errors = _meter.CreateCounter<long>(Instrument(RunMetricNames.RequestErrors), description: "Attempts without a response, by kind: connect, dns, timeout, other, dropped.");
        _regionResponses = _meter.CreateCounter<long>(Instrument(RunMetricNames.RegionResponses), description: "Responses by the region that served them.");
        _duration = _meter.CreateHistogram<double>(
            RunMetricNames.RequestDuration,
            unit: "s",
            description: "Latency in lab seconds from each request's intended send to its response or timeout.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RunMetricNames.LatencyBuckets });
        _metricsErrors = _meter.CreateCounter<long>(Instrument(RunMetricNames.MetricsErrors), description: "Observer calls whose metrics could not be recorded.");
        _meter.CreateObservableGauge(RunMetricNames.HealthCheckStatus, ObserveHealthStatus, description: "1 while the health check is healthy, else 0.");
        _meter.CreateObservableGauge(RunMetricNames.HealthCheckHealthyRatio, ObserveHealthRatio, description: "Share (0-1) of checkers that see the health check healthy.");
        _meter.CreateObservableGauge(RunMetricNames.DnsAnswer, ObserveDns, description: "1 for each region the location is answered for the name, 0 for regions answered before.");
        _meter.CreateObservableGauge(RunMetricNames.FaultActive, ObserveFaults, description: "1 per target while the fault is applied, 0 once reverted.");
        _meter.CreateObservableGauge(RunMetricNames.RunPhase, ObservePhase, description: "1 for the current phase, 0 for the others.");
        _meter.CreateObservableGauge(RunMetricNames.RunState, ObserveState, description: "1 for the run's current state, 0 for the others.");

        var builder = Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService("faultline"))
            .AddMeter(meterName);
        if (options.PrometheusPort is not null)
        {
            builder.AddPrometheusExporter(o =>
            {
                // The exporter appends _total to counters (named without it, as OpenTelemetry names them, so an OTLP
                // collector adds it too); fresh values on every scrape (a lab second can be 50 ms of wall time).
                o.ScrapeResponseCacheDurationMilliseconds = 0;
                o.ScopeInfoEnabled = false;
            });
        }

        if (options.OtlpEndpoint is { } endpoint)
        {
            var http = endpoint.AbsolutePath.EndsWith("/v1/metrics", StringComparison.Ordinal);
            builder.AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = endpoint;
                exporter.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)Math.Max(1, options.OtlpInterval.TotalMilliseconds);
            });
            MetricsLog.ExportingOtlp(_logger, http ? "http/protobuf" : "grpc", endpoint);
        }

        _provider = builder.Build();
    }

    /// <summary>The Prometheus scrape URL (<c>http://127.0.0.1:PORT/metrics</c>), or <c>null</c> without an endpoint.</summary>
    public Uri? ScrapeUrl { get; private set; }

    /// <summary>Starts the export: binds the scrape endpoint on <c>127.0.0.1</c> (if asked) and the OTLP exporter (if asked).</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<RunMetrics> StartAsync(RunMetricsOptions options, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.PrometheusPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.PrometheusPort, "The metrics port must be 0–65535.");
        }

        var metrics = new RunMetrics(options, loggers ?? NullLoggerFactory.Instance);
        try
        {
            if (options.PrometheusPort is { } port)
            {
                await metrics.StartEndpointAsync(port, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await metrics.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return metrics;
    }

    /// <inheritdoc />
    /// <remarks>The gauges read the run's projection from here on; before it, they have nothing to report.</remarks>
    public void OnStarted(RunStarted started)
    {
        lock (_lock)
        {
            _run = started?.State;
        }
    }

    /// <inheritdoc />
    /// <remarks>Events change the run's projection, which the gauges read when scraped; nothing to count here.</remarks>
    public void OnEvent(RunEvent runEvent)
    {
    }

    /// <inheritdoc />
    public void OnSecond(LoadSecond second)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(second);
            var stats = second.Stats;
            var tags = Tags(second);

            // Zeros are added too, so every population's series exists from its first second on.
            _requests.Add(stats.Attempts, tags);
            Add(_responses, RunMetricNames.StatusClassLabel, "2xx", stats.Status2xx, tags);
            Add(_responses, RunMetricNames.StatusClassLabel, "3xx", stats.Status3xx, tags);
            Add(_responses, RunMetricNames.StatusClassLabel, "4xx", stats.Status4xx, tags);
            Add(_responses, RunMetricNames.StatusClassLabel, "5xx", stats.Status5xx, tags);
            Add(_errors, RunMetricNames.ErrorLabel, "connect", stats.ConnectErrors, tags);
            Add(_errors, RunMetricNames.ErrorLabel, "dns", stats.DnsErrors, tags);
            Add(_errors, RunMetricNames.ErrorLabel, "timeout", stats.Timeouts, tags);
            Add(_errors, RunMetricNames.ErrorLabel, "other", stats.OtherErrors, tags);
            Add(_errors, RunMetricNames.ErrorLabel, "dropped", stats.DroppedSends, tags);
            foreach (var (region, count) in stats.Regions)
            {
                Add(_regionResponses, RunMetricNames.RegionLabel, region, count, tags);
            }

            // The second's latencies as its histogram kept them (bucket values within 1%): one recording per request.
            foreach (var (latency, count) in stats.LatencyDistribution())
            {
                for (var i = 0L; i < count; i++)
                {
                    _duration.Record(latency.TotalSeconds, tags);
                }
            }
        }
#pragma warning disable CA1031 // Observability never breaks a run (STYLE habit 9).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Failed("a load second", ex);
        }
    }

    /// <summary>Flushes the OTLP exporter and stops the scrape endpoint.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            if (_app is not null)
            {
                await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await _app.DisposeAsync().ConfigureAwait(false);
            }

            // Disposing the provider flushes the OTLP exporter once more, so a short run's last seconds are sent.
            _provider.Dispose();
            _meter.Dispose();
        }
#pragma warning disable CA1031 // A failed shutdown of the export must not hide the run's verdict.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            MetricsLog.StopFailed(_logger, ex);
        }
    }

    private async Task StartEndpointAsync(int port, CancellationToken cancellationToken)
    {
        var (app, bound) = await LoopbackWebApp.StartAsync(
            port,
            app =>
            {
                app.UseOpenTelemetryPrometheusScrapingEndpoint(_provider, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
                app.Run(context =>
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                });
            },
            cancellationToken).ConfigureAwait(false);
        _app = app;
        ScrapeUrl = new Uri($"http://127.0.0.1:{bound}/metrics");
        MetricsLog.Listening(_logger, ScrapeUrl);
    }

    private void Failed(string what, Exception ex)
    {
        MetricsLog.RecordFailed(_logger, what, ex);
        try
        {
            _metricsErrors.Add(1);
        }
#pragma warning disable CA1031 // Counting the failure must not fail either.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private RunSnapshot? Now()
    {
        RunProjection? run;
        lock (_lock)
        {
            run = _run;
        }

        return run?.Snapshot();
    }

    private static void Add(Counter<long> counter, string label, string value, long count, TagList tags)
    {
        tags.Add(label, value);
        counter.Add(count, tags);
    }

    // The Prometheus exporter appends _total to a counter's name; OpenTelemetry instruments are named without it.
    private static string Instrument(string prometheusName) =>
        prometheusName.EndsWith("_total", StringComparison.Ordinal) ? prometheusName[..^"_total".Length] : prometheusName;

    private List<Measurement<int>> ObserveHealthStatus() =>
        Now() is not { } now ? [] : [.. now.Health.Select(h => new Measurement<int>(h.Healthy ? 1 : 0, new KeyValuePair<string, object?>("health_check", h.Id)))];

    private List<Measurement<double>> ObserveHealthRatio() =>
        Now() is not { } now ? [] : [.. now.Health.Select(h => new Measurement<double>(h.PercentageHealthy / 100, new KeyValuePair<string, object?>("health_check", h.Id)))];

    private List<Measurement<int>> ObserveDns() =>
        Now() is not { } now ? [] : [.. now.Dns.SelectMany(d => d.Regions.Select(r => (Region: r, Value: 1)).Concat(d.FormerRegions.Select(r => (Region: r, Value: 0)))
            .Select(r => new Measurement<int>(
                r.Value,
                new KeyValuePair<string, object?>("location", d.Location),
                new KeyValuePair<string, object?>("name", d.Name),
                new KeyValuePair<string, object?>("region", r.Region))))];

    private List<Measurement<int>> ObserveFaults() =>
        Now() is not { } now ? [] : [.. now.Faults
            .GroupBy(f => f.Id, StringComparer.Ordinal)
            .Select(g => g.Last())
            .SelectMany(f => f.Targets.DefaultIfEmpty(string.Empty).Select(target => new Measurement<int>(
                f.Active ? 1 : 0,
                new KeyValuePair<string, object?>("fault_id", f.Id),
                new KeyValuePair<string, object?>("kind", FaultKinds.NameOf(f.Kind)),
                new KeyValuePair<string, object?>("target", target))))];

    private List<Measurement<int>> ObservePhase() =>
        Now() is not { Phase: { } current } ? [] : [.. Phases.Select(p => new Measurement<int>(
            p == current ? 1 : 0, new KeyValuePair<string, object?>("phase", p.ToString().ToLowerInvariant())))];

    // Pending is the projection's state before the run's first state event: nothing to report yet.
    private List<Measurement<int>> ObserveState() =>
        Now() is not { } now || now.State == RunState.Pending ? [] : [.. Enum.GetValues<RunState>().Select(s => new Measurement<int>(
            s == now.State ? 1 : 0, new KeyValuePair<string, object?>("state", s.ToString().ToLowerInvariant())))];

    private TagList Tags(LoadSecond second) => new()
    {
        { "population", second.Population },
        { "location", _options.PopulationLocations.GetValueOrDefault(second.Population, string.Empty) },
        { "url", second.Url.ToString() },
    };
}
