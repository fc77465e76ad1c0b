using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Host;
using Faultline.Core.Runs;
using Faultline.Core.Runs.Projection;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Core.Tests.Runs;

public sealed class RunProjectionTests
{
    private readonly FakeTimeProvider _lab = new(SomeRun.T0);

    private static StopConditionDefinition Outage => new()
    {
        Name = "global outage",
        Metric = new TrafficMetric(TrafficMetricKind.SuccessRate),
        AlarmWhen = new Threshold(ComparisonOperator.Less, 40, ThresholdUnit.Percent),
        For = TimeSpan.FromSeconds(3),
    };

    private RunProjection Started(SomeRun? run = null, IReadOnlyDictionary<string, bool>? initialHealth = null, HostBudget? hostBudget = null) =>
        (run ?? new SomeRun()).Start(_lab, initialHealth, hostBudget).State;

    private static HealthChanged Flip(double seconds, bool healthy, double share) =>
        new() { At = SomeRun.At(TimeSpan.FromSeconds(seconds)), HealthCheck = "hc-us", Healthy = healthy, PercentageHealthy = share };

    private static DnsAnswerChanged Answer(double seconds, params string[] regions) =>
        new() { At = SomeRun.At(TimeSpan.FromSeconds(seconds)), Location = "us-east-1", Name = "api.example.test", Regions = regions };

    [Fact]
    public void Start_HealthChecks_StartAsTheTopologySaysUnlessTheLabToldOtherwise()
    {
        var projection = Started(initialHealth: new Dictionary<string, bool>(StringComparer.Ordinal) { ["hc-eu"] = false });

        var now = projection.Snapshot();

        Assert.Equal(["hc-us:True:100", "hc-eu:False:100"], now.Health.Select(h => $"{h.Id}:{h.Healthy}:{h.PercentageHealthy}"));
        Assert.Equal(RunState.Pending, now.State);
        Assert.False(now.Ended);
        Assert.Equal(SomeRun.T0, now.Phases.RunStart);
    }

    [Fact]
    public void Record_HealthEvents_OnlyAFlipIsNewsAndTheShareFollowsEveryReport()
    {
        var projection = Started();
        var same = Flip(10, healthy: true, share: 100);
        var flip = Flip(90, healthy: false, share: 12.5);
        var again = Flip(95, healthy: false, share: 0);

        projection.Record(same);
        projection.Record(new HealthShareChanged { At = SomeRun.At(TimeSpan.FromSeconds(80)), HealthCheck = "hc-us", PercentageHealthy = 50 });
        var halfway = projection.Snapshot().HealthOf("hc-us");
        projection.Record(flip);
        projection.Record(again);
        var now = projection.Snapshot().HealthOf("hc-us");

        Assert.Equal((true, 50.0, (DateTimeOffset?)null), (halfway!.Healthy, halfway.PercentageHealthy, halfway.Since));
        Assert.Equal((false, 0.0, (DateTimeOffset?)flip.At), (now!.Healthy, now.PercentageHealthy, now.Since));
        Assert.Equal([false, true, false], new RunEvent[] { same, flip, again }.Select(projection.Changed));
    }

    [Fact]
    public void Record_DnsAnswers_KnowsTheFirstTheChangesAndTheRegionsAnsweredBefore()
    {
        var projection = Started();
        var first = Answer(1, "us-east-1");
        var repeat = Answer(2, "us-east-1");
        var failover = Answer(215, "eu-west-1");

        foreach (var answer in new[] { first, repeat, failover })
        {
            projection.Record(answer);
        }

        var now = Assert.Single(projection.Snapshot().Dns);
        Assert.Equal([true, false, true], new[] { first, repeat, failover }.Select(projection.Changed));
        Assert.Equal([true, false, false], new[] { first, repeat, failover }.Select(projection.IsFirstAnswer));
        Assert.Equal(["eu-west-1"], now.Regions);
        Assert.Equal(["us-east-1"], now.FormerRegions);
        Assert.Equal((2, failover.At), (now.Answers, now.Since));
        Assert.Equal("eu-west-1", now.Describe());
    }

    [Fact]
    public void Record_PhasesFaultsActionsAndChecks_AreWhatTheRunShows()
    {
        var projection = Started();
        var at = (double s) => SomeRun.At(TimeSpan.FromSeconds(s));

        projection.Record(new RunStateChanged { At = at(0), State = RunState.Running });
        projection.Record(new PhaseStarted { At = at(5), Phase = Phase.Baseline });
        projection.Record(new ActionStateChanged { At = at(125), Action = "inject", State = ActionState.Running });
        projection.Record(new PhaseStarted { At = at(125), Phase = Phase.Fault });
        projection.Record(new FaultAppliedEvent { At = at(125), FaultId = "f-1", Kind = FaultKind.Latency, Action = "inject", Targets = ["us-east-1/hello"] });
        projection.Record(new CheckEvaluated { At = at(125), Check = "steady state", Passed = true });
        var during = projection.Snapshot();
        projection.Record(new FaultRevertedEvent { At = at(725), FaultId = "f-1", Reason = "lease-expired" });
        projection.Record(new ActionStateChanged { At = at(725), Action = "inject", State = ActionState.Completed });
        projection.Record(new PhaseStarted { At = at(725), Phase = Phase.Recovery });
        projection.Record(new CheckEvaluated { At = at(900), Check = "steady state", Passed = false });
        projection.Record(new RunStateChanged { At = at(905), State = RunState.Completed });
        _lab.Advance(TimeSpan.FromHours(1));
        var after = projection.Snapshot();

        Assert.Equal((Phase.Fault, RunState.Running, false), (during.Phase, during.State, during.Ended));
        Assert.True(Assert.Single(during.Faults).Active);
        Assert.Equal((at(5), at(125), at(725), at(905)), (after.Phases.RunStart, after.Phases.FaultStart, after.Phases.FaultEnd, after.Phases.RunEnd));
        var fault = Assert.Single(after.Faults);
        Assert.Equal((false, (DateTimeOffset?)at(725), "lease-expired"), (fault.Active, fault.End, fault.RevertReason));
        Assert.Equal(["inject:Completed"], after.Actions.Select(a => $"{a.Name}:{a.State}"));
        Assert.False(Assert.Single(after.Checks).Passed);

        // A finished run's clock stops at its end.
        Assert.Equal((true, at(905)), (after.Ended, after.Now));
    }

    [Fact]
    public void Record_Seconds_FireAStopConditionOnceAndShowItsProgress()
    {
        var projection = Started(new SomeRun().StopCondition(Outage));
        var fired = new List<StopConditionFired>();
        for (var s = 0; s < 6; s++)
        {
            var stats = s < 2 ? SomeTraffic.Stats(ok: 20, region: "us-east-1") : SomeTraffic.Stats(status5xx: 20, region: "us-east-1");
            fired.AddRange(projection.Record(SomeTraffic.Second("us-customers", SomeRun.At(TimeSpan.FromSeconds(s)), stats, index: s)));
            fired.AddRange(projection.Record(SomeTraffic.Second("eu-customers", SomeRun.At(TimeSpan.FromSeconds(s)), stats, index: s)));
            if (s == 3)
            {
                var progress = Assert.Single(projection.Snapshot().StopConditions);
                Assert.Equal((0.0, 2, 3, false), (progress.LastMeasured, progress.Streak, progress.SecondsNeeded, progress.Fired is not null));
            }
        }

        var stop = Assert.Single(fired);
        Assert.Equal("global outage", stop.Name);
        Assert.NotNull(Assert.Single(projection.Snapshot().StopConditions).Fired);
        Assert.Equal(SomeRun.At(TimeSpan.FromSeconds(6)), projection.DeliveredUntil("us-customers"));
        Assert.Null(projection.DeliveredUntil("nobody"));
        Assert.Equal(["eu-customers", "us-customers"], projection.Snapshot().Populations.Select(p => p.Population));
    }

    [Fact]
    public void Record_HostSeconds_CountTheSecondsOverBudget()
    {
        var projection = Started(hostBudget: HostBudget.For(Some.Topology(), 20));
        Assert.Null(projection.Snapshot().Host);

        projection.Record(new HostSecond { Start = SomeRun.T0, Lateness = TimeSpan.FromMilliseconds(2500), Samples = 1 });
        projection.Record(new HostSecond { Start = SomeRun.T0.AddSeconds(1), Lateness = TimeSpan.FromMilliseconds(40), Samples = 5 });
        var host = projection.Snapshot().Host;

        Assert.NotNull(host);
        Assert.Equal((40.0, 2500.0, 2, 1), (host.Last.Lateness.TotalMilliseconds, host.Worst.TotalMilliseconds, host.Seconds, host.ImpairedSeconds));
    }

    [Fact]
    public void Observe_EventsRecordedOutOfOrder_AreInLabTimeOrderForTheVerdict()
    {
        var projection = Started();
        projection.Record(Answer(20, "eu-west-1"));
        projection.Record(Answer(10, "us-east-1"));

        var observations = projection.Observe(RunState.Running, new PhaseTimes { RunStart = SomeRun.T0 });

        Assert.Equal([SomeRun.At(TimeSpan.FromSeconds(10)), SomeRun.At(TimeSpan.FromSeconds(20))], observations.Events.Select(e => e.At));
        Assert.Empty(projection.Snapshot().Events);
        Assert.Equal(2, projection.Snapshot(withHistory: true).Events.Count);
    }

    [Fact]
    public void Complete_Verdict_EndsTheRunAndGrowsTheVersion()
    {
        var projection = Started(SeedRuns.Correct());
        var before = projection.Version;
        var verdict = VerdictEngine.Decide(SeedRuns.Correct().Build());

        projection.Complete(verdict, RunState.Completed);
        var now = projection.Snapshot();

        Assert.True(projection.Version > before);
        Assert.Equal((true, RunState.Completed), (now.Ended, now.State));
        Assert.Same(verdict, now.Verdict);
    }
}
