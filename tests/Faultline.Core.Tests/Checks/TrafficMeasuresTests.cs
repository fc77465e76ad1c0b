using Faultline.Core.Experiments;
using Faultline.Core.Checks;
using Faultline.Core.Load;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Checks;

public sealed class TrafficMeasuresTests
{
    [Fact]
    public void Measure_SuccessRate_CountsErrorsAndDroppedSendsAsFailures()
    {
        var stats = SomeTraffic.Stats(ok: 90, status5xx: 5, timeouts: 3, dropped: 2);

        Assert.Equal(90, TrafficMeasures.Measure(new TrafficMetric(TrafficMetricKind.SuccessRate), stats)!.Value, 6);
    }

    [Theory]
    [InlineData(TrafficMetricKind.Status2xxRate, 50)]
    [InlineData(TrafficMetricKind.Status4xxRate, 10)]
    [InlineData(TrafficMetricKind.Status5xxRate, 20)]
    [InlineData(TrafficMetricKind.ErrorRate, 20)]
    [InlineData(TrafficMetricKind.Requests, 100)]
    public void Measure_RatesAndCounts_ArePercentOfAttempts(TrafficMetricKind kind, double expected)
    {
        var stats = SomeTraffic.Stats(ok: 50, status4xx: 10, status5xx: 20, timeouts: 10, connectErrors: 10);

        Assert.Equal(expected, TrafficMeasures.Measure(new TrafficMetric(kind), stats)!.Value, 6);
    }

    [Fact]
    public void Measure_RegionShare_IsPercentOfResponses()
    {
        var stats = LoadStats.Merge([SomeTraffic.Stats(ok: 30, region: "eu-west-1"), SomeTraffic.Stats(ok: 10, region: "us-east-1", timeouts: 5)]);

        Assert.Equal(75, TrafficMeasures.Measure(new TrafficMetric(TrafficMetricKind.RegionShare, Region: "eu-west-1"), stats)!.Value, 6);
    }

    [Fact]
    public void Measure_LatencyPercentile_IsMilliseconds()
    {
        var stats = SomeTraffic.Stats(ok: 10, latency: TimeSpan.FromMilliseconds(250));

        // The histograms keep two significant digits: within 1%.
        Assert.InRange(TrafficMeasures.Measure(new TrafficMetric(TrafficMetricKind.LatencyPercentile, Percentile: 99), stats)!.Value, 247.5, 252.5);
    }

    [Theory]
    [InlineData(TrafficMetricKind.SuccessRate)]
    [InlineData(TrafficMetricKind.Requests)]
    [InlineData(TrafficMetricKind.LatencyPercentile)]
    public void Measure_NoAttempts_IsNull(TrafficMetricKind kind)
    {
        Assert.Null(TrafficMeasures.Measure(new TrafficMetric(kind, Percentile: 50), LoadStats.Empty));
    }

    [Fact]
    public void Measure_LatencyWithOnlyConnectErrors_IsNull()
    {
        Assert.Null(TrafficMeasures.Measure(new TrafficMetric(TrafficMetricKind.LatencyPercentile, Percentile: 50), SomeTraffic.Stats(connectErrors: 3)));
    }

    [Fact]
    public void Measure_RegionShareWithoutResponses_IsNull()
    {
        Assert.Null(TrafficMeasures.Measure(new TrafficMetric(TrafficMetricKind.RegionShare, Region: "eu-west-1"), SomeTraffic.Stats(timeouts: 3)));
    }

    [Fact]
    public void Explain_SuccessRate_NamesCountsAndFailureClasses()
    {
        var stats = LoadStats.Merge(Enumerable.Range(0, 100).Select(_ => SomeTraffic.Stats(ok: 117, status5xx: 3)));
        var metric = new TrafficMetric(TrafficMetricKind.SuccessRate);

        Assert.Equal("97.5% of 12,000 requests succeeded (300 failed: 300×5xx)", TrafficMeasures.Explain(metric, stats, TrafficMeasures.Measure(metric, stats)!.Value));
    }

    [Fact]
    public void FailureBreakdown_SeveralClasses_ListsEach()
    {
        Assert.Equal("2×4xx, 3×5xx, 1×timeout, 4×dropped", TrafficMeasures.FailureBreakdown(SomeTraffic.Stats(ok: 5, status4xx: 2, status5xx: 3, timeouts: 1, dropped: 4)));
    }
}
