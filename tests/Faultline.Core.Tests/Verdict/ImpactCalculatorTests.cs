using Faultline.Core.Verdict;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Verdict;

public sealed class ImpactCalculatorTests
{
    [Fact]
    public void Calculate_MisconfiguredSeedRun_UsCustomersLostTheWholeFault()
    {
        var impact = ImpactCalculator.Calculate(SeedRuns.Misconfigured().Build()).Single(i => i.Population == "us-customers");

        Assert.Equal(18_000, impact.Attempts);
        Assert.Equal(6_000, impact.Successes);
        Assert.Equal(12_000, impact.Failures);
        Assert.Equal(12_000, impact.Status5xx);
        Assert.Equal("12,000×5xx", impact.FailureBreakdown);
        Assert.Equal(100.0 / 3, impact.SuccessRate!.Value, 6);
        Assert.Equal(0, impact.FaultSuccessRate);
        Assert.Equal(12_000, impact.FaultFailures);
        Assert.Equal(600, impact.ErrorSeconds);
        Assert.Equal(TimeSpan.FromMinutes(10), impact.OutageDuration);
        Assert.Equal(SomeRun.At(TimeSpan.FromMinutes(2)), impact.FirstError);
        Assert.Equal(SomeRun.At(TimeSpan.FromMinutes(12)), impact.LastError);
        Assert.Equal([new RegionServed("us-east-1", 18_000, 100)], impact.ServedBy);
    }

    [Fact]
    public void Calculate_MisconfiguredSeedRun_StatusCodesAndLatencyPercentiles()
    {
        var impact = ImpactCalculator.Calculate(SeedRuns.Misconfigured().Build()).Single(i => i.Population == "us-customers");

        // 502 (the function timeout), told apart from any other 5xx; latency from the 20 ms baseline to the 10 s timeout.
        Assert.Equal(new Dictionary<int, long> { [200] = 6_000, [502] = 12_000 }, impact.StatusCodes);
        var latency = Assert.IsType<LatencySummary>(impact.Latency);
        Assert.Equal(18_000, latency.Count);
        Assert.InRange(latency.P50Ms, 9_900, 10_100);
        Assert.InRange(latency.P90Ms, 9_900, 10_100);
        Assert.InRange(latency.P99Ms, 9_900, 10_100);
        Assert.InRange(latency.MaxMs, 9_900, 10_100);
        var eu = ImpactCalculator.Calculate(SeedRuns.Misconfigured().Build()).Single(i => i.Population == "eu-customers");
        Assert.InRange(eu.Latency!.P99Ms, 19, 21);
    }

    [Fact]
    public void Calculate_UnharmedPopulation_HasNoOutage()
    {
        var impact = ImpactCalculator.Calculate(SeedRuns.Misconfigured().Build()).Single(i => i.Population == "eu-customers");

        Assert.Equal(0, impact.Failures);
        Assert.Equal(100, impact.SuccessRate);
        Assert.Equal(TimeSpan.Zero, impact.OutageDuration);
        Assert.Null(impact.FirstError);
        Assert.Equal(string.Empty, impact.FailureBreakdown);
    }

    [Fact]
    public void Calculate_TwoErrorSpans_OutageIsTheLongestAndSharesSplitByRegion()
    {
        var run = new SomeRun()
            .Traffic("us-customers", TimeSpan.Zero, TimeSpan.FromSeconds(10), SomeTraffic.Stats(ok: 10, region: "us-east-1"))
            .Traffic("us-customers", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(13), SomeTraffic.Stats(timeouts: 10))
            .Traffic("us-customers", TimeSpan.FromSeconds(13), TimeSpan.FromSeconds(20), SomeTraffic.Stats(ok: 10, region: "eu-west-1"))
            .Traffic("us-customers", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(25), SomeTraffic.Stats(ok: 5, connectErrors: 5, region: "eu-west-1"))
            .Build();

        var impact = Assert.Single(ImpactCalculator.Calculate(run));

        Assert.Equal(TimeSpan.FromSeconds(5), impact.OutageDuration);
        Assert.Equal(8, impact.ErrorSeconds);
        Assert.Equal(30, impact.Timeouts);
        Assert.Equal(25, impact.ConnectErrors);
        Assert.Equal([new RegionServed("eu-west-1", 95, 95.0 / 195 * 100), new RegionServed("us-east-1", 100, 100.0 / 195 * 100)], impact.ServedBy.OrderBy(r => r.Region, StringComparer.Ordinal));
    }
}
