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
    public void Observe_SecondWithoutData_NotBreaching_BreaksTheStreak()
    {
        var condition = GlobalOutage with { Clients = new ClientSelector { Names = ["us-customers"] }, TreatMissingData = MissingDataTreatment.NotBreaching };
        var monitor = new StopConditionMonitor(condition, Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 2, LoadStats.Empty)));
        Assert.Equal((0, true, null), (monitor.Streak, monitor.LastMissing, monitor.LastMeasured));
        Assert.Null(monitor.Observe(Second("us-customers", 3, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 4, SomeTraffic.Stats(status5xx: 20))));
        Assert.NotNull(monitor.Observe(Second("us-customers", 5, SomeTraffic.Stats(status5xx: 20))));
    }

    // The reproduction of issue 8 item 5: 0% success for 3.5 minutes, but only one second in five has a finished
    // request (everything else is still waiting for its timeout). "global outage" must fire after its minute.
    [Fact]
    public void Observe_StallWithAlmostNoFinishedRequests_DefaultFiresAfterTheDuration()
    {
        var condition = GlobalOutage with { AlarmWhen = new Threshold(ComparisonOperator.Less, 40, ThresholdUnit.Percent), For = TimeSpan.FromMinutes(1) };
        var monitor = new StopConditionMonitor(condition, Populations);
        var fired = new List<Core.Runs.StopConditionFired>();

        for (var s = 0; s < 210; s++)
        {
            var stats = s % 5 == 0 ? SomeTraffic.Stats(timeouts: 1) : LoadStats.Empty;
            AddIfFired(fired, monitor.Observe(Second("us-customers", s, stats)));
            AddIfFired(fired, monitor.Observe(Second("eu-customers", s, LoadStats.Empty)));
        }

        var only = Assert.Single(fired);
        Assert.Equal(SomeRun.At(TimeSpan.FromSeconds(60)), only.At);
        Assert.Equal(TimeSpan.FromMinutes(1), only.Lasted);
        Assert.Equal(48, only.MissingSeconds);
        Assert.Equal(0, only.Measured);
    }

    [Fact]
    public void Observe_MissingSecond_Breaching_CountsAsAnAlarmSecondAndCanFire()
    {
        var monitor = new StopConditionMonitor(UsOnly(MissingDataTreatment.Breaching), Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(ok: 2, status5xx: 18))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, LoadStats.Empty)));
        Assert.Equal((2, true, null), (monitor.Streak, monitor.LastMissing, monitor.LastMeasured));
        var fired = monitor.Observe(Second("us-customers", 2, LoadStats.Empty));

        Assert.NotNull(fired);
        Assert.Equal((SomeRun.At(TimeSpan.FromSeconds(3)), 10.0, 2), (fired.At, fired.Measured, fired.MissingSeconds));
    }

    [Fact]
    public void Observe_MissingSeconds_Ignore_HoldTheStreakHoweverLong()
    {
        var monitor = new StopConditionMonitor(UsOnly(MissingDataTreatment.Ignore), Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, SomeTraffic.Stats(status5xx: 20))));
        for (var s = 2; s < 12; s++)
        {
            Assert.Null(monitor.Observe(Second("us-customers", s, LoadStats.Empty)));
            Assert.Equal(2, monitor.Streak);
        }

        var fired = monitor.Observe(Second("us-customers", 12, SomeTraffic.Stats(status5xx: 20)));

        Assert.NotNull(fired);
        Assert.Equal((TimeSpan.FromSeconds(3), 0), (fired.Lasted, fired.MissingSeconds));
    }

    [Fact]
    public void Observe_MissingSeconds_Ignore_AHealthySecondStillResets()
    {
        var monitor = new StopConditionMonitor(UsOnly(MissingDataTreatment.Ignore), Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, LoadStats.Empty)));
        Assert.Null(monitor.Observe(Second("us-customers", 2, SomeTraffic.Stats(ok: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 3, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 4, SomeTraffic.Stats(status5xx: 20))));

        Assert.Equal(2, monitor.Streak);
    }

    [Fact]
    public void Observe_MissingSeconds_Missing_GapShorterThanTheDurationIsSkipped()
    {
        var monitor = new StopConditionMonitor(UsOnly(MissingDataTreatment.Missing), Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, LoadStats.Empty)));
        Assert.Null(monitor.Observe(Second("us-customers", 2, LoadStats.Empty)));
        Assert.Null(monitor.Observe(Second("us-customers", 3, SomeTraffic.Stats(status5xx: 20))));
        Assert.Equal(2, monitor.Streak);
        Assert.Null(monitor.Observe(Second("us-customers", 4, LoadStats.Empty)));

        Assert.NotNull(monitor.Observe(Second("us-customers", 5, SomeTraffic.Stats(status5xx: 20))));
    }

    [Fact]
    public void Observe_MissingSeconds_Missing_GapAsLongAsTheDurationResets()
    {
        var monitor = new StopConditionMonitor(UsOnly(MissingDataTreatment.Missing), Populations);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, SomeTraffic.Stats(status5xx: 20))));
        for (var s = 2; s < 5; s++)
        {
            Assert.Null(monitor.Observe(Second("us-customers", s, LoadStats.Empty)));
        }

        Assert.Equal(0, monitor.Streak);
        Assert.Null(monitor.Observe(Second("us-customers", 5, SomeTraffic.Stats(status5xx: 20))));
        Assert.Equal(1, monitor.Streak);
    }

    [Fact]
    public void Observe_Status5xxRateByDefault_MissingSecondResets()
    {
        var condition = new StopConditionDefinition
        {
            Name = "errors",
            Metric = new TrafficMetric(TrafficMetricKind.Status5xxRate),
            AlarmWhen = new Threshold(ComparisonOperator.Greater, 10, ThresholdUnit.Percent),
            For = TimeSpan.FromSeconds(2),
        };
        var monitor = new StopConditionMonitor(condition, ["us-customers"]);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(monitor.Observe(Second("us-customers", 1, LoadStats.Empty)));

        Assert.Equal((MissingDataTreatment.NotBreaching, 0), (condition.MissingData, monitor.Streak));
    }

    [Fact]
    public void Observe_LatencyByDefault_MissingSecondBreaches()
    {
        var condition = new StopConditionDefinition
        {
            Name = "slow",
            Metric = new TrafficMetric(TrafficMetricKind.LatencyPercentile, Percentile: 99),
            AlarmWhen = new Threshold(ComparisonOperator.Greater, 2000, ThresholdUnit.Milliseconds),
            For = TimeSpan.FromSeconds(2),
        };
        var monitor = new StopConditionMonitor(condition, ["us-customers"]);

        Assert.Null(monitor.Observe(Second("us-customers", 0, SomeTraffic.Stats(ok: 5, latency: TimeSpan.FromSeconds(10)))));

        Assert.NotNull(monitor.Observe(Second("us-customers", 1, LoadStats.Empty)));
    }

    [Fact]
    public void Observe_SecondsNeverDelivered_JudgedAsMissing()
    {
        var breaching = new StopConditionMonitor(UsOnly(MissingDataTreatment.Breaching), Populations);
        var notBreaching = new StopConditionMonitor(UsOnly(MissingDataTreatment.NotBreaching), Populations);

        Assert.Null(breaching.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        Assert.Null(notBreaching.Observe(Second("us-customers", 0, SomeTraffic.Stats(status5xx: 20))));
        var fired = breaching.Observe(Second("us-customers", 5, SomeTraffic.Stats(ok: 20)));
        Assert.Null(notBreaching.Observe(Second("us-customers", 5, SomeTraffic.Stats(status5xx: 20))));

        // Seconds 1 and 2 were never delivered: breaching, they complete the streak at the end of second 2.
        Assert.NotNull(fired);
        Assert.Equal((SomeRun.At(TimeSpan.FromSeconds(3)), 2), (fired.At, fired.MissingSeconds));
        Assert.Equal(1, notBreaching.Streak);
    }

    [Fact]
    public void Observe_OverdueRequestsOfAStall_AreFailuresAndData()
    {
        // What the generator publishes when the host could not run the timeouts: the requests past their timeout
        // are the second's timeouts (LoadSecond.Overdue says how many), so the second is measured, not missing.
        var condition = UsOnly(MissingDataTreatment.NotBreaching);
        var monitor = new StopConditionMonitor(condition, Populations);

        for (var s = 0; s < 2; s++)
        {
            Assert.Null(monitor.Observe(Second("us-customers", s, SomeTraffic.Stats(timeouts: 40)) with { Overdue = 40 }));
            Assert.Equal((0.0, false), (monitor.LastMeasured, monitor.LastMissing));
        }

        Assert.NotNull(monitor.Observe(Second("us-customers", 2, SomeTraffic.Stats(ok: 1, timeouts: 39)) with { Overdue = 39 }));
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

    private static StopConditionDefinition UsOnly(MissingDataTreatment treatment) =>
        GlobalOutage with { Clients = new ClientSelector { Names = ["us-customers"] }, TreatMissingData = treatment };

    private static void AddIfFired(List<Core.Runs.StopConditionFired> fired, Core.Runs.StopConditionFired? e)
    {
        if (e is not null)
        {
            fired.Add(e);
        }
    }
}
