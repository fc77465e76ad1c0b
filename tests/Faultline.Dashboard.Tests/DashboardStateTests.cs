using Faultline.Core.Experiments;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Topology;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;

namespace Faultline.Dashboard.Tests;

public sealed class DashboardStateTests
{
    private static (DashboardState State, Replay Replay) Seed(HostBudget? hostBudget = null)
    {
        var state = new DashboardState("A failure in us-east-1 does not affect eu-west-1");
        return (state, new Replay(state, SeedRuns.Correct().Build(), hostBudget));
    }

    [Fact]
    public void Snapshot_BeforeTheRunStarts_IsPendingWithTheTitleOnly()
    {
        var state = new DashboardState("hypothesis");

        var snapshot = state.Snapshot();

        Assert.Equal(("hypothesis", RunState.Pending), (snapshot.Title, snapshot.State));
        Assert.Null(snapshot.RunId);
        Assert.Empty(snapshot.Health);
        Assert.Empty(snapshot.Charts);
        Assert.Null(snapshot.Verdict);
        Assert.Null(state.Started);
        Assert.False(state.Ended);
    }

    [Fact]
    public void Snapshot_OnceStarted_ShowsEveryHealthCheckAsTheTopologySaysItStarts()
    {
        var topology = Some.Topology() with { HealthChecks = [.. Some.Topology().HealthChecks, new HealthCheckConfig { Id = "hc-inverted", Type = HealthCheckType.Https, Fqdn = "api.eu-west-1.example.test", Path = "/api/health", Inverted = true }] };
        var state = new DashboardState("hypothesis");
        _ = new Replay(state, new SomeRun(topology).Build());

        var snapshot = state.Snapshot();

        Assert.Equal(RunState.Pending, snapshot.State);
        Assert.Equal("run-1", snapshot.RunId);
        Assert.Equal(["hc-us:True:100", "hc-eu:True:100", "hc-inverted:False:100"], snapshot.Health.Select(h => $"{h.Id}:{h.Healthy}:{h.PercentageHealthy}"));
        Assert.Empty(snapshot.Faults);
        Assert.Empty(snapshot.Markers);
        Assert.Null(snapshot.Verdict);
        Assert.Equal(["health", "checkers", "regions", "status", "success", "latency", "dns"], snapshot.Charts.Select(c => c.Id));
    }

    [Fact]
    public void Snapshot_HostSeconds_ShowTheLastTheWorstAndHowManyWentOverBudget()
    {
        var (state, replay) = Seed(HostBudget.For(Some.Topology(), 20));
        Assert.Null(state.Snapshot().Host);

        replay.Record(new HostSecond { Start = SomeRun.T0, Lateness = TimeSpan.FromMilliseconds(2500), Samples = 1 });
        replay.Record(new HostSecond { Start = SomeRun.T0.AddSeconds(1), Lateness = TimeSpan.FromMilliseconds(40), Samples = 5 });
        var host = state.Snapshot().Host;

        Assert.NotNull(host);
        Assert.Equal((40.0, 2500.0, 1000.0, 1, 2), (host.LastLatenessMs, host.WorstLatenessMs, host.AllowanceMs, host.ImpairedSeconds, host.Seconds));
        Assert.Equal("hc-us's 2s response limit", host.Deadline);
    }

    [Fact]
    public void Snapshot_LeaseLapsed_ShowsTheFaultRevertedAsLeaseExpiredAndTheProblemAtOnce()
    {
        var (state, replay) = Seed();
        replay.Until(SeedRuns.FaultStart + TimeSpan.FromSeconds(10));

        replay.Record(new FaultRevertedEvent { At = SomeRun.At(SeedRuns.FaultStart + TimeSpan.FromSeconds(10)), FaultId = "f-1", Reason = "lease-expired" });
        replay.Record(new RunProblem
        {
            At = SomeRun.At(SeedRuns.FaultStart + TimeSpan.FromSeconds(10)),
            Kind = RunProblemKind.LeaseLapsed,
            Subject = "f-1",
            UnderminesVerdict = true,
            Message = "fault f-1 (latency on us-east-1/hello) was reverted by the lab at T+2:10 when its lease lapsed",
        });
        var snapshot = state.Snapshot();

        var fault = Assert.Single(snapshot.Faults);
        Assert.Equal((false, "lease-expired", 130.0), (fault.Active, fault.RevertReason, fault.EndSeconds));
        var problem = Assert.Single(snapshot.Problems);
        Assert.Equal(("lease-lapsed", "f-1", true, 130.0), (problem.Kind, problem.Subject, problem.UnderminesVerdict, problem.AtSeconds));
        Assert.StartsWith("fault f-1 ", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_DuringTheFault_ShowsItActiveWithItsMarkerTheFlipAndTheFailover()
    {
        var (state, replay) = Seed();
        var before = state.Snapshot().Version;

        replay.Until(SeedRuns.FaultStart + TimeSpan.FromSeconds(100));
        var snapshot = state.Snapshot();

        Assert.True(snapshot.Version > before);
        Assert.Equal("run-1", snapshot.RunId);
        Assert.Equal(RunState.Running, snapshot.State);
        Assert.Equal(220, snapshot.ElapsedSeconds);
        var fault = Assert.Single(snapshot.Faults);
        Assert.Equal(("f-1", "latency", true, 120.0), (fault.Id, fault.Kind, fault.Active, fault.StartSeconds));
        Assert.Equal(["us-east-1/health", "us-east-1/hello"], fault.Targets);
        Assert.Contains(snapshot.Markers, m => m.Kind == TimelineEntryKind.FaultStart && m.Seconds == 120);
        Assert.Contains(snapshot.Markers, m => m.Kind == TimelineEntryKind.HealthFlip && m.Seconds == 208);
        Assert.Contains(snapshot.Markers, m => m.Kind == TimelineEntryKind.DnsAnswer && m.Label == "us-east-1 → eu-west-1");
        Assert.False(snapshot.Health.Single(h => h.Id == "hc-us").Healthy);
        Assert.True(snapshot.Health.Single(h => h.Id == "hc-eu").Healthy);
        Assert.Equal(["eu-west-1"], snapshot.Dns.Single(d => d.Location == "us-east-1").Regions);

        // us customers still reach us-east-1 from their cached answer: the last second is all 5xx.
        var us = snapshot.Populations.Single(p => p.Name == "us-customers");
        Assert.Equal((20L, 0.0), (us.Attempts, us.SuccessRate));
        Assert.Equal(20, us.Regions["us-east-1"]);
        Assert.Equal(100, snapshot.Populations.Single(p => p.Name == "eu-customers").SuccessRate);

        // The charts run to now: requests per serving region has a point for every second seen.
        var regions = snapshot.Charts.Single(c => c.Id == "regions");
        Assert.Equal(221, regions.Seconds.Count);
        Assert.Equal(20, regions.Series.Single(s => s.Label == "region_eu-west-1").Values[219]);
    }

    [Fact]
    public void Snapshot_AfterTheRun_ShowsTheFaultRevertedAndStopsTheClock()
    {
        var (state, replay) = Seed();

        replay.Until(SeedRuns.RunEnd);
        replay.Clock.Advance(TimeSpan.FromMinutes(5));
        var snapshot = state.Snapshot();

        Assert.True(state.Ended);
        Assert.Equal(RunState.Completed, snapshot.State);
        Assert.Equal(900, snapshot.ElapsedSeconds);
        var fault = Assert.Single(snapshot.Faults);
        Assert.Equal((false, 720.0, "completed"), (fault.Active, fault.EndSeconds, fault.RevertReason));
        Assert.Contains(snapshot.Markers, m => m.Kind == TimelineEntryKind.FaultEnd && m.Seconds == 720);
        Assert.True(snapshot.Health.Single(h => h.Id == "hc-us").Healthy);
        Assert.Equal(["us-east-1"], snapshot.Dns.Single(d => d.Location == "us-east-1").Regions);
    }

    [Fact]
    public void Snapshot_CheckersShare_ShowsOnTheTileAndAsAChartOverLabTime()
    {
        var (state, replay) = Seed();
        replay.Until(TimeSpan.FromSeconds(40));

        replay.Record(new HealthShareChanged { At = SomeRun.At(TimeSpan.FromSeconds(10)), HealthCheck = "hc-us", PercentageHealthy = 87.5 });
        replay.Record(new HealthShareChanged { At = SomeRun.At(TimeSpan.FromSeconds(30)), HealthCheck = "hc-us", PercentageHealthy = 50 });
        var snapshot = state.Snapshot();

        // A checker's flip moves the share; only the 18% rule flips the check.
        var us = snapshot.Health.Single(h => h.Id == "hc-us");
        Assert.Equal((true, 50.0), (us.Healthy, us.PercentageHealthy));
        var line = snapshot.Charts.Single(c => c.Id == "checkers").Series.Single(s => s.Label == "hc-us").Values;
        Assert.Equal([100.0, 87.5, 87.5, 50.0, 50.0], new[] { 9, 10, 29, 30, 40 }.Select(s => line[s]));
    }

    [Fact]
    public void OnEvent_ActionsAndChecks_ShowInTheOrderTheyFirstReportedWithTheirLatestState()
    {
        var state = new DashboardState("hypothesis");
        var replay = new Replay(state, new SomeRun().Build());
        var at = SomeRun.T0;
        replay.Record(new ActionStateChanged { At = at, Action = "inject", State = ActionState.Pending });
        replay.Record(new ActionStateChanged { At = at, Action = "configure", State = ActionState.Running });
        replay.Record(new ActionStateChanged { At = at, Action = "inject", State = ActionState.Failed, Detail = "lab refused" });
        replay.Record(new CheckEvaluated { At = at, Check = "steady state", Passed = true, Measured = "100%", Expected = ">= 99%" });

        var snapshot = state.Snapshot();

        Assert.Equal(["inject:Failed:lab refused", "configure:Running:"], snapshot.Actions.Select(a => $"{a.Name}:{a.State}:{a.Detail}"));
        var check = Assert.Single(snapshot.Checks);
        Assert.Equal(("steady state", true, "100%"), (check.Name, check.Passed, check.Measured));
    }

    [Fact]
    public void Snapshot_StopCondition_ShowsTheLastValueTheStreakAndTheFiring()
    {
        var condition = new StopConditionDefinition
        {
            Name = "global outage",
            Metric = new TrafficMetric(TrafficMetricKind.SuccessRate),
            AlarmWhen = new Threshold(ComparisonOperator.Less, 40, ThresholdUnit.Percent),
            For = TimeSpan.FromSeconds(5),
        };
        var state = new DashboardState("hypothesis");
        var run = new SomeRun()
            .StopCondition(condition)
            .Traffic("us-customers", TimeSpan.Zero, TimeSpan.FromSeconds(10), SomeTraffic.Stats(ok: 20, region: "us-east-1"))
            .Traffic("eu-customers", TimeSpan.Zero, TimeSpan.FromSeconds(10), SomeTraffic.Stats(ok: 20, region: "eu-west-1"))
            .Traffic("us-customers", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), SomeTraffic.Stats(status5xx: 20, region: "us-east-1"))
            .Traffic("eu-customers", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), SomeTraffic.Stats(status5xx: 20, region: "eu-west-1"))
            .Build();
        var replay = new Replay(state, run);

        var armed = Assert.Single(state.Snapshot().StopConditions);
        replay.Until(TimeSpan.FromSeconds(10));
        var healthy = Assert.Single(state.Snapshot().StopConditions);
        replay.Until(TimeSpan.FromSeconds(13));
        var breaching = Assert.Single(state.Snapshot().StopConditions);
        replay.Record(new StopConditionFired { At = SomeRun.At(TimeSpan.FromSeconds(15)), Name = "global outage", Measured = 0, Threshold = "< 40%", Lasted = TimeSpan.FromSeconds(5) });
        var fired = Assert.Single(state.Snapshot().StopConditions);

        Assert.Equal(("global outage", "success rate < 40% for 5s", null, 0, 5, false), (armed.Name, armed.Alarm, armed.Measured, armed.Streak, armed.SecondsNeeded, armed.Fired));
        Assert.Equal(("100%", 0), (healthy.Measured, healthy.Streak));
        Assert.Equal(("0%", 3, false), (breaching.Measured, breaching.Streak, breaching.Fired));
        Assert.True(fired.Fired);
    }

    [Theory]
    [InlineData(null, "no request finished (counts as breaching)", 3)]
    [InlineData(MissingDataTreatment.NotBreaching, "no request finished (counts as not breaching)", 0)]
    [InlineData(MissingDataTreatment.Ignore, "no request finished (ignored)", 0)]
    [InlineData(MissingDataTreatment.Missing, "no request finished (missing)", 0)]
    public void Snapshot_StopConditionDuringAStall_SaysNoRequestFinishedAndHowItCounts(MissingDataTreatment? treatment, string measured, int streak)
    {
        var condition = new StopConditionDefinition
        {
            Name = "global outage",
            Metric = new TrafficMetric(TrafficMetricKind.SuccessRate),
            AlarmWhen = new Threshold(ComparisonOperator.Less, 40, ThresholdUnit.Percent),
            For = TimeSpan.FromSeconds(5),
            TreatMissingData = treatment,
        };
        var state = new DashboardState("hypothesis");
        var run = new SomeRun()
            .StopCondition(condition)
            .Traffic("us-customers", TimeSpan.Zero, TimeSpan.FromSeconds(10), SomeTraffic.Stats(ok: 20, region: "us-east-1"))
            .Traffic("eu-customers", TimeSpan.Zero, TimeSpan.FromSeconds(10), SomeTraffic.Stats(ok: 20, region: "eu-west-1"))
            .Traffic("us-customers", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), LoadStats.Empty)
            .Traffic("eu-customers", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), LoadStats.Empty)
            .Build();
        var replay = new Replay(state, run);

        replay.Until(TimeSpan.FromSeconds(13));
        var stalled = Assert.Single(state.Snapshot().StopConditions);

        Assert.Equal((measured, streak, false), (stalled.Measured, stalled.Streak, stalled.Fired));
    }

    [Fact]
    public void Snapshot_Completed_ShowsTheVerdictAsTheReportDoesAndLinksTheReportOnceWritten()
    {
        var (state, replay) = Seed();
        var run = SeedRuns.Correct().Build();
        replay.Until(SeedRuns.RunEnd);
        var verdict = VerdictEngine.Decide(run) with { Summary = "Held: <all> checks passed" };

        replay.Complete(verdict, RunState.Completed);
        var shown = state.Snapshot();
        state.ReportWritten("report");
        var linked = state.Snapshot();

        Assert.Equal(VerdictKind.Held, verdict.Kind);
        Assert.NotNull(shown.Verdict);
        Assert.Equal("held", shown.Verdict.Kind);
        Assert.Null(shown.Verdict.ReportUrl);
        Assert.Contains("id=\"verdict\" data-verdict=\"held\"", shown.Verdict.Html, StringComparison.Ordinal);
        Assert.Contains("Held: &lt;all&gt; checks passed", shown.Verdict.Html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"checks\">", shown.Verdict.Html, StringComparison.Ordinal);
        Assert.Contains("<table class=\"timeline\">", shown.Verdict.Html, StringComparison.Ordinal);
        Assert.Equal(verdict.Checks.Select(c => c.Name), shown.Checks.Select(c => c.Name));
        Assert.Equal("report", linked.Verdict!.ReportUrl);
        Assert.True(linked.Version > shown.Version);
    }

    [Fact]
    public void Snapshot_WhileRunning_ShowsWhatCloudWatchWouldShowForEveryCompleteMinute()
    {
        var (state, replay) = Seed();

        // +3m30s: hc-us flipped at +3m28s, but the 12:03 minute is not over yet.
        replay.Until(TimeSpan.FromSeconds(210));
        var running = state.Snapshot();
        replay.Until(TimeSpan.FromSeconds(240));
        var minuteLater = state.Snapshot();

        Assert.Equal(["cloudwatch-health", "cloudwatch-regions", "cloudwatch-status"], running.CloudWatch.Select(c => c.Id));
        Assert.Equal([0d, 60, 120], running.CloudWatch[0].Seconds);
        Assert.Equal([1d, 1, 1], running.CloudWatch[0].Series.Single(s => s.Label == "hc-us").Values);
        Assert.Equal([0d, 0, 1200], running.CloudWatch[2].Series.Single(s => s.Label == "status_5xx").Values);
        Assert.Equal([2400d, 2400, 1200], running.CloudWatch[2].Series.Single(s => s.Label == "status_2xx").Values);
        Assert.Equal([1d, 1, 1, 0], minuteLater.CloudWatch[0].Series.Single(s => s.Label == "hc-us").Values);
        Assert.All(minuteLater.CloudWatch, c => Assert.Equal(60, c.PeriodSeconds));
    }

    [Fact]
    public void Snapshot_AfterTheRun_ShowsEveryMinuteOfTheRunInTheCloudWatchView()
    {
        var (state, replay) = Seed();

        replay.Until(SeedRuns.RunEnd);
        var snapshot = state.Snapshot();

        Assert.Equal(15, snapshot.CloudWatch[0].Seconds.Count);
        Assert.Equal([1d, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], snapshot.CloudWatch[0].Series.Single(s => s.Label == "hc-us").Values);
        Assert.Equal(1200, snapshot.CloudWatch[1].Series.Single(s => s.Label == "region_eu-west-1").Values[0]);
    }
}
