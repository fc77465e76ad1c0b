using Faultline.Core.Experiments;
using Faultline.Core.Checks;
using Faultline.Core.Load;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Checks;

public sealed class StopConditionMonitorTests
{
    private static readonly string[] Populations = ["us-customers", "eu-customers"];

    private static readonly StopConditionDefinition GlobalOutage = new()
    {
        Name = "global outage",
        Metric = new TrafficMetric(TrafficMetricKind.SuccessRate),
        AlarmWhen = new Threshold(ComparisonOperator.Less, 50, ThresholdUnit.Percent),
        For = TimeSpan.FromSeconds(3),
    };

    private static LoadSecond Second(string population, int second, LoadStats stats) =>
        SomeTraffic.Second(population, SomeRun.At(TimeSpan.FromSeconds(second)), stats, second);

    [Fact]
    public void Observe_AlarmHeldForTheDuration_FiresAtTheEndOfTheLastSecond()
    {
        var monitor = new StopConditionMonitor(GlobalOutage, Populations);
        var fired = new List<Core.Runs.StopConditionFired>();

        for (var s = 0; s < 3; s++)
        {
            AddIfFired(fired, monitor.Observe(Second("us-customers", s, SomeTraffic.Stats(status5xx: 20))));
            AddIfFired(fired, monitor.Observe(Second("eu-customers", s, SomeTraffic.Stats(ok: 5, status5xx: 15))));
        }

        var only = Assert.Single(fired);
        Assert.Equal(SomeRun.At(TimeSpan.FromSeconds(3)), only.At);
        Assert.Equal("global outage", only.Name);
        Assert.Equal(12.5, only.Measured, 6);
        Assert.Equal("< 50%", only.Threshold);
        Assert.Equal(TimeSpan.FromSeconds(3), only.Lasted);
    }

    [Fact]
    public void Observe_OnePopulationHealthyEnough_MeasuresPopulationsTogetherAndDoesNotFire()
    {
        var monitor = new StopConditionMonitor(GlobalOutage, Populations);

        for (var s = 0; s < 10; s++)
        {
            Assert.Null(monitor.Observe(Second("us-customers", s, SomeTraffic.Stats(status5xx: 20))));
            Assert.Null(monitor.Observe(Second("eu-customers", s, SomeTraffic.Stats(ok: 20))));
        }
    }

    [Fact]
    public void Observe_SecondWithoutData_BreaksTheStreak()
    {
        var condition = GlobalOutage with { Clients = new ClientSelector { Names = ["us-customers"] } };
        var monitor = new StopConditionMonitor(condition, Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 2, LoadStats.Empty)));
        Assert.Null(monitor.Observe(Second("us-customers", 3, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 4, SomeTraffic.Stats(status5xx: 20))));
        Assert.NotNull(monitor.Observe(Second("us-customers", 5, SomeTraffic.Stats(status5xx: 20))));
    }

    [Fact]
    public void Observe_PopulationsOutOfOrder_WaitsForEverySelectedPopulation()
    {
        var monitor = new StopConditionMonitor(GlobalOutage with { For = TimeSpan.FromSeconds(1) }, Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, SomeTraffic.Stats(status5xx: 20))));
        Assert.Equal(0, monitor.Streak);

        var fired = monitor.Observe(Second("eu-customers", 0, SomeTraffic.Stats(ok: 1, status5xx: 19)));

        Assert.NotNull(fired);
        Assert.Equal(2.5, fired.Measured, 6);
    }

    [Fact]
    public void Observe_UnselectedPopulation_IsIgnored()
    {
        var condition = GlobalOutage with { Clients = new ClientSelector { Names = ["eu-customers"] }, For = TimeSpan.FromSeconds(1) };
        var monitor = new StopConditionMonitor(condition, Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Fired);
    }

    [Fact]
    public void Observe_AfterFiring_ReturnsNullButKeepsTheFiring()
    {
        var condition = GlobalOutage with { Clients = new ClientSelector { Names = ["us-customers"] }, For = TimeSpan.FromSeconds(1) };
        var monitor = new StopConditionMonitor(condition, Populations);

        Assert.NotNull(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, SomeTraffic.Stats(status5xx: 20))));
        Assert.NotNull(monitor.Fired);
    }

    [Fact]
    public void Observe_LatencyCondition_ComparesMilliseconds()
    {
        var condition = new StopConditionDefinition
        {
            Name = "slow",
            Metric = new TrafficMetric(TrafficMetricKind.LatencyPercentile, Percentile: 99),
            AlarmWhen = new Threshold(ComparisonOperator.Greater, 2000, ThresholdUnit.Milliseconds),
            For = TimeSpan.FromSeconds(1),
        };
        var monitor = new StopConditionMonitor(condition, ["us-customers"]);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(ok: 5, latency: TimeSpan.FromMilliseconds(100)))));
        Assert.NotNull(monitor.Observe(Second("us-customers", 1, SomeTraffic.Stats(ok: 5, latency: TimeSpan.FromSeconds(10)))));
    }

    private static void AddIfFired(List<Core.Runs.StopConditionFired> fired, Core.Runs.StopConditionFired? e)
    {
        if (e is not null)
        {
            fired.Add(e);
        }
    }
}
