using System.Net;
using System.Net.Sockets;
using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Runs.Projection;
using Faultline.Core.Topology;
using Faultline.Lab.Metrics;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Lab.Tests.Metrics;

public sealed class RunMetricsTests : IAsyncDisposable
{
    private const string Url = "https://api.example.test/api/hello";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly HttpClient _http = new();
    private RunMetrics? _metrics;
    private RunProjection? _run;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync()
    {
        if (_metrics is not null)
        {
            await _metrics.DisposeAsync();
        }

        _http.Dispose();
    }

    private RunProjection Run => _run ?? throw new InvalidOperationException("not started");

    private async Task<RunMetrics> StartAsync(Uri? otlp = null, int? port = 0, Topology? topology = null)
    {
        _metrics = await RunMetrics.StartAsync(
            new RunMetricsOptions
            {
                PrometheusPort = port,
                OtlpEndpoint = otlp,
                OtlpInterval = TimeSpan.FromMilliseconds(100),
                PopulationLocations = new Dictionary<string, string> { ["us-customers"] = "us-east-1", ["eu-customers"] = "eu-west-1" },
            },
            loggers: null,
            Cancel);

        // The runner's projection, started and fed as the runner feeds it: the gauges read it.
        topology ??= Some.Topology();
        var started = new SomeRun(topology).Start(new FakeTimeProvider(T0));
        _run = started.State;
        _metrics.OnStarted(started);
        return _metrics;
    }

    private void Record(RunEvent runEvent)
    {
        Run.Record(runEvent);
        _metrics!.OnEvent(runEvent);
    }

    private void Record(LoadSecond second)
    {
        Run.Record(second);
        _metrics!.OnSecond(second);
    }

    private async Task<IReadOnlyList<PrometheusText.Sample>> ScrapeAsync() =>
        PrometheusText.Parse(await _http.GetStringAsync(_metrics!.ScrapeUrl, Cancel));

    [Fact]
    public async Task OnSecond_TwoPopulations_2xxResponsesPerPopulationWithLocationAndUrl()
    {
        var metrics = await StartAsync();

        Record(SomeTraffic.Second("us-customers", T0, SomeTraffic.Stats(ok: 10, region: "us-east-1")));
        Record(SomeTraffic.Second("us-customers", T0.AddSeconds(1), SomeTraffic.Stats(ok: 7, region: "us-east-1"), index: 1));
        Record(SomeTraffic.Second("eu-customers", T0, SomeTraffic.Stats(ok: 5, region: "eu-west-1")));
        var samples = await ScrapeAsync();

        Assert.Equal(17, PrometheusText.Value(samples, "faultline_responses_total", ("population", "us-customers"), ("location", "us-east-1"), ("url", Url), ("status_class", "2xx")));
        Assert.Equal(5, PrometheusText.Value(samples, "faultline_responses_total", ("population", "eu-customers"), ("location", "eu-west-1"), ("url", Url), ("status_class", "2xx")));
    }

    [Fact]
    public async Task OnSecond_ErrorsAndRegions_CountsEachKindRequestsAndRegions()
    {
        var metrics = await StartAsync();

        Record(SomeTraffic.Second("us-customers", T0, SomeTraffic.Stats(ok: 4, status3xx: 1, status4xx: 2, status5xx: 3, timeouts: 1, connectErrors: 2, dropped: 1, region: "eu-west-1")));
        var samples = await ScrapeAsync();

        (string, string) us = ("population", "us-customers");
        Assert.Equal(4, PrometheusText.Value(samples, "faultline_responses_total", us, ("status_class", "2xx")));
        Assert.Equal(1, PrometheusText.Value(samples, "faultline_responses_total", us, ("status_class", "3xx")));
        Assert.Equal(2, PrometheusText.Value(samples, "faultline_responses_total", us, ("status_class", "4xx")));
        Assert.Equal(3, PrometheusText.Value(samples, "faultline_responses_total", us, ("status_class", "5xx")));
        Assert.Equal(1, PrometheusText.Value(samples, "faultline_request_errors_total", us, ("error", "timeout")));
        Assert.Equal(2, PrometheusText.Value(samples, "faultline_request_errors_total", us, ("error", "connect")));
        Assert.Equal(0, PrometheusText.Value(samples, "faultline_request_errors_total", us, ("error", "other")));
        Assert.Equal(1, PrometheusText.Value(samples, "faultline_request_errors_total", us, ("error", "dropped")));
        Assert.Equal(14, PrometheusText.Value(samples, "faultline_requests_total", us));
        Assert.Equal(10, PrometheusText.Value(samples, "faultline_region_responses_total", us, ("region", "eu-west-1")));
        Assert.Null(PrometheusText.Value(samples, "faultline_region_responses_total", us, ("region", "us-east-1")));

        // One metric with a region label, not one metric per region; the seed's names stay in the EMF output only.
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("region_", StringComparison.Ordinal) || s.Name.StartsWith("status_", StringComparison.Ordinal));
        Assert.All(samples.Where(s => s.Name != "target_info"), s => Assert.StartsWith("faultline_", s.Name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OnSecond_Latency_HistogramInSecondsWithBuckets()
    {
        var metrics = await StartAsync();

        Record(SomeTraffic.Second("us-customers", T0, SomeTraffic.Stats(ok: 10, latency: TimeSpan.FromMilliseconds(20))));
        Record(SomeTraffic.Second("us-customers", T0.AddSeconds(1), SomeTraffic.Stats(ok: 10, latency: TimeSpan.FromMilliseconds(300)), index: 1));
        var samples = await ScrapeAsync();

        (string, string) us = ("population", "us-customers");
        Assert.Equal(20, PrometheusText.Value(samples, "faultline_request_duration_seconds_count", us));
        Assert.InRange(PrometheusText.Value(samples, "faultline_request_duration_seconds_sum", us) ?? 0, 3.18, 3.22);
        Assert.Equal(10, PrometheusText.Value(samples, "faultline_request_duration_seconds_bucket", us, ("le", "0.025")));
        Assert.Equal(10, PrometheusText.Value(samples, "faultline_request_duration_seconds_bucket", us, ("le", "0.25")));
        Assert.Equal(20, PrometheusText.Value(samples, "faultline_request_duration_seconds_bucket", us, ("le", "0.5")));
        Assert.Equal(20, PrometheusText.Value(samples, "faultline_request_duration_seconds_bucket", us, ("le", "+Inf")));
        Assert.Equal(
            [.. RunMetricNames.LatencyBuckets.Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)), "+Inf"],
            samples.Where(s => s.Name == "faultline_request_duration_seconds_bucket" && s.Labels["population"] == "us-customers").Select(s => s.Labels["le"]));
    }

    [Fact]
    public async Task OnEvent_HealthFlips_StatusGaugeFollows()
    {
        var metrics = await StartAsync();

        Record(new HealthChanged { At = T0, HealthCheck = "hc-us", Healthy = true, PercentageHealthy = 100 });
        var healthy = await ScrapeAsync();
        Record(new HealthChanged { At = T0.AddSeconds(30), HealthCheck = "hc-us", Healthy = false, PercentageHealthy = 12.5 });
        var unhealthy = await ScrapeAsync();

        Assert.Equal(1, PrometheusText.Value(healthy, "faultline_health_check_status", ("health_check", "hc-us")));
        Assert.Equal(0, PrometheusText.Value(unhealthy, "faultline_health_check_status", ("health_check", "hc-us")));
        Assert.Equal(0.125, PrometheusText.Value(unhealthy, "faultline_health_check_healthy_ratio", ("health_check", "hc-us")));
    }

    [Fact]
    public async Task OnStarted_HealthChecks_GaugesShowThemAsTheyStartBeforeAnyChange()
    {
        var topology = Some.Topology() with { HealthChecks = [.. Some.Topology().HealthChecks, new HealthCheckConfig { Id = "hc-inverted", Type = HealthCheckType.Https, Fqdn = "api.eu-west-1.example.test", Path = "/api/health", Inverted = true }] };
        await StartAsync(topology: topology);

        var samples = await ScrapeAsync();

        Assert.Equal(1, PrometheusText.Value(samples, "faultline_health_check_status", ("health_check", "hc-us")));
        Assert.Equal(1, PrometheusText.Value(samples, "faultline_health_check_healthy_ratio", ("health_check", "hc-us")));
        Assert.Equal(0, PrometheusText.Value(samples, "faultline_health_check_status", ("health_check", "hc-inverted")));
    }

    [Fact]
    public async Task OnEvent_DnsAnswerChanges_NewRegionOneOldRegionZero()
    {
        var metrics = await StartAsync();

        Record(new DnsAnswerChanged { At = T0, Location = "us-east-1", Name = "api.example.test", Regions = ["us-east-1"] });
        Record(new DnsAnswerChanged { At = T0.AddSeconds(40), Location = "us-east-1", Name = "api.example.test", Regions = ["eu-west-1"] });
        var samples = await ScrapeAsync();

        (string, string)[] where = [("location", "us-east-1"), ("name", "api.example.test")];
        Assert.Equal(1, PrometheusText.Value(samples, "faultline_dns_answer", [.. where, ("region", "eu-west-1")]));
        Assert.Equal(0, PrometheusText.Value(samples, "faultline_dns_answer", [.. where, ("region", "us-east-1")]));
    }

    [Fact]
    public async Task OnEvent_FaultAppliedThenReverted_ActivePerTargetThenCleared()
    {
        var metrics = await StartAsync();

        Record(new FaultAppliedEvent { At = T0, FaultId = "f1", Kind = FaultKind.HealthOverride, Targets = ["hc-us", "hc-eu"] });
        var applied = await ScrapeAsync();
        Record(new FaultRevertedEvent { At = T0.AddMinutes(1), FaultId = "f1", Reason = "completed" });
        var reverted = await ScrapeAsync();

        Assert.Equal(1, PrometheusText.Value(applied, "faultline_fault_active", ("fault_id", "f1"), ("kind", "health-override"), ("target", "hc-us")));
        Assert.Equal(1, PrometheusText.Value(applied, "faultline_fault_active", ("fault_id", "f1"), ("target", "hc-eu")));
        Assert.Equal(0, PrometheusText.Value(reverted, "faultline_fault_active", ("fault_id", "f1"), ("target", "hc-us")));
        Assert.Equal(0, PrometheusText.Value(reverted, "faultline_fault_active", ("fault_id", "f1"), ("target", "hc-eu")));
    }

    [Fact]
    public async Task OnEvent_PhaseAndState_MarkTheCurrentOnes()
    {
        var metrics = await StartAsync();

        Record(new RunStateChanged { At = T0, State = RunState.Running });
        Record(new PhaseStarted { At = T0, Phase = Phase.Baseline });
        Record(new PhaseStarted { At = T0.AddMinutes(1), Phase = Phase.Fault });
        var samples = await ScrapeAsync();

        Assert.Equal(1, PrometheusText.Value(samples, "faultline_run_phase", ("phase", "fault")));
        Assert.Equal(0, PrometheusText.Value(samples, "faultline_run_phase", ("phase", "baseline")));
        Assert.Equal(1, PrometheusText.Value(samples, "faultline_run_state", ("state", "running")));
        Assert.Equal(0, PrometheusText.Value(samples, "faultline_run_state", ("state", "stopped")));
    }

    [Fact]
    public async Task OnSecondAndOnEvent_Null_DoNotThrowAndCountTheFailures()
    {
        var metrics = await StartAsync();

        metrics.OnSecond(null!);
        metrics.OnEvent(null!);
        var samples = await ScrapeAsync();

        // The second could not be counted; an event only moves the projection the gauges read, so there is nothing to fail.
        Assert.Equal(1, PrometheusText.Value(samples, "faultline_metrics_errors_total"));
    }

    [Fact]
    public async Task StartAsync_PortZero_ListensOnLoopbackAtMetricsAndAnswers404Elsewhere()
    {
        var metrics = await StartAsync();

        Assert.NotNull(metrics.ScrapeUrl);
        Assert.Equal("127.0.0.1", metrics.ScrapeUrl.Host);
        Assert.NotEqual(0, metrics.ScrapeUrl.Port);
        Assert.Equal("/metrics", metrics.ScrapeUrl.AbsolutePath);
        using var other = await _http.GetAsync(new Uri(metrics.ScrapeUrl, "/other"), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task StartAsync_NoPort_HasNoScrapeUrl()
    {
        var metrics = await StartAsync(port: null);

        Assert.Null(metrics.ScrapeUrl);
    }

    [Fact]
    public async Task StartAsync_PortTaken_ThrowsIOException()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await Assert.ThrowsAnyAsync<IOException>(() => StartAsync(port: port));
    }

    [Fact]
    public async Task OnSecond_WithOtlpEndpoint_ExportsTheLoadCountersOverHttpProtobuf()
    {
        var bodies = new List<byte[]>();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var collector = builder.Build();
        collector.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            lock (bodies)
            {
                bodies.Add(body.ToArray());
            }
        });
        await collector.StartAsync(Cancel);
        var otlp = new Uri(new Uri(collector.Urls.First()), "/v1/metrics");
        var metrics = await StartAsync(otlp, port: null);

        Record(SomeTraffic.Second("us-customers", T0, SomeTraffic.Stats(ok: 10, region: "us-east-1")));

        await Eventually.TrueAsync(
            () =>
            {
                lock (bodies)
                {
                    return bodies.Any(b => Contains(b, "faultline_responses"u8) && Contains(b, "us-customers"u8));
                }
            },
            Deadline,
            "an OTLP export carrying faultline_responses for us-customers",
            Cancel);
    }

    private static bool Contains(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
