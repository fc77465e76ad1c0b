using Faultline.Lab.Metrics;

namespace Faultline.Lab.Tests.Metrics;

public sealed class RunMetricNamesTests
{
    private static readonly string[] Counters =
    [
        RunMetricNames.Requests, RunMetricNames.Responses, RunMetricNames.RequestErrors, RunMetricNames.RegionResponses, RunMetricNames.MetricsErrors,
    ];

    private static readonly string[] Gauges =
    [
        RunMetricNames.HealthCheckStatus, RunMetricNames.HealthCheckHealthyRatio, RunMetricNames.DnsAnswer, RunMetricNames.FaultActive, RunMetricNames.RunPhase, RunMetricNames.RunState,
    ];

    [Fact]
    public void Names_ArePinned()
    {
        // docs/observing.md lists these; dashboards and alerts query them, so a rename is a breaking change.
        Assert.Equal(
            [
                "faultline_requests_total", "faultline_responses_total", "faultline_request_errors_total", "faultline_region_responses_total", "faultline_metrics_errors_total",
                "faultline_health_check_status", "faultline_health_check_healthy_ratio", "faultline_dns_answer", "faultline_fault_active", "faultline_run_phase", "faultline_run_state",
                "faultline_request_duration_seconds",
            ],
            [.. Counters, .. Gauges, RunMetricNames.RequestDuration]);
    }

    [Fact]
    public void Names_FollowPrometheusConventions()
    {
        Assert.All([.. Counters, .. Gauges, RunMetricNames.RequestDuration], n => Assert.Matches("^faultline_[a-z0-9_]+$", n));
        Assert.All(Counters, n => Assert.EndsWith("_total", n, StringComparison.Ordinal));
        Assert.All(Gauges, n => Assert.False(n.EndsWith("_total", StringComparison.Ordinal), n));
        Assert.EndsWith("_seconds", RunMetricNames.RequestDuration, StringComparison.Ordinal);

        // One metric per thing, labelled by region and status class: no region or status class in a name.
        Assert.All([.. Counters, .. Gauges], n => Assert.DoesNotMatch("(status_[0-9]xx|_(us|eu|ap|sa|ca|me|af)_[a-z]+_[0-9]|_ms$)", n));
    }

    [Fact]
    public void LatencyBuckets_AscendInSecondsAndSpanTheSeedsTimeouts()
    {
        Assert.Equal(RunMetricNames.LatencyBuckets.Order(), RunMetricNames.LatencyBuckets);
        Assert.Contains(10.0, RunMetricNames.LatencyBuckets);
        Assert.True(RunMetricNames.LatencyBuckets[0] <= 0.005 && RunMetricNames.LatencyBuckets[^1] >= 60);
    }
}
