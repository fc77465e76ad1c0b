using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Host;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Host;

public sealed class HostImpairmentTests
{
    private static readonly TimeSpan OnTime = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Stalled = TimeSpan.FromSeconds(3);

    [Fact]
    public void Decide_CorrectSeedRunOnAHostThatKeptTime_IsHeldAndReportsTheHost()
    {
        var run = SeedRuns.Correct().Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime).Build();

        var verdict = VerdictEngine.Decide(run);

        Assert.Equal(VerdictKind.Held, verdict.Kind);
        Assert.All(verdict.Checks, c => Assert.Null(c.HostImpaired));
        var host = Assert.IsType<HostTiming>(verdict.Host);
        Assert.Equal(0, host.ImpairedSeconds);
        Assert.Equal(900, host.Seconds);
        Assert.Equal(1000, host.AllowanceMs);
        Assert.Equal(50, host.WallAllowanceMs);
        Assert.StartsWith("The host kept time scale 20: timers ran at most 100ms late", host.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_StallThatFailedCustomersInTheFault_IsInconclusiveNamingTheHostNotTheSystem()
    {
        // The host stalled 2 lab seconds mid-fault, and eu customers' requests of those seconds timed out.
        var stall = SeedRuns.FaultStart + TimeSpan.FromMinutes(5);
        var run = SeedRuns.Correct()
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime)
            .Host(stall, stall + TimeSpan.FromSeconds(2), Stalled)
            .Traffic("eu-customers", stall, stall + TimeSpan.FromSeconds(2), SomeTraffic.Stats(timeouts: 400))
            .Build();

        var verdict = VerdictEngine.Decide(run);

        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
        Assert.Empty(verdict.Diagnosis);
        Assert.Equal(
            "Inconclusive: the host could not keep time scale 20: timers ran up to 3s late (150ms of wall time) in 2 lab seconds between +7m and +7m2s, " +
            "beyond the 1s allowed by hc-us's 2s response limit, so 1 check cannot be trusted (#1 eu customers unaffected); " +
            "rerun with `--time-scale 3` (or `--time-scale auto`) or on a quieter machine.",
            verdict.Summary);
        var eu = verdict.Checks[0];
        Assert.Null(eu.Passed);
        Assert.StartsWith("host-impaired: in 2 lab seconds of its window (first at +7m)", eu.HostImpaired, StringComparison.Ordinal);

        // us customers were served in spite of the stall; the transition's evidence ended before it.
        Assert.True(verdict.Checks[1].Passed);
        Assert.Null(verdict.Checks[1].HostImpaired);
        Assert.True(verdict.Checks[2].Passed);
        Assert.Null(verdict.Checks[2].HostImpaired);
        Assert.Equal(2, verdict.Host!.ImpairedSeconds);
    }

    [Fact]
    public void Decide_StallThatHurtNothing_HoldsBecauseALateHostCannotLiftASuccessRate()
    {
        var stall = SeedRuns.FaultStart + TimeSpan.FromMinutes(5);
        var run = SeedRuns.Correct()
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime)
            .Host(stall, stall + TimeSpan.FromSeconds(2), Stalled)
            .Build();

        var verdict = VerdictEngine.Decide(run);

        Assert.Equal(VerdictKind.Held, verdict.Kind);
        Assert.All(verdict.Checks, c => Assert.Null(c.HostImpaired));
        Assert.Equal(2, verdict.Host!.ImpairedSeconds);
        Assert.StartsWith("The host could not keep time scale 20 in 2 lab seconds of 900", verdict.Host.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_CheckALateHostCouldPass_IsImpairedEvenWhenItPassed()
    {
        // "us customers fail during the fault" passes on errors, and a stalled host makes errors too.
        var stall = SeedRuns.FaultStart + TimeSpan.FromMinutes(5);
        var expectsOutage = SomeChecks.SuccessRate("us customers fail", "us-customers", CheckWindow.During(Phase.Fault)) with
        {
            Threshold = new Threshold(ComparisonOperator.LessOrEqual, 50, ThresholdUnit.Percent),
        };
        var run = SeedRuns.Misconfigured()
            .Check(expectsOutage)
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime)
            .Host(stall, stall + TimeSpan.FromSeconds(1), Stalled)
            .Build();

        var outage = VerdictEngine.Decide(run).Checks.Single(c => c.Name == "us customers fail");

        Assert.Null(outage.Passed);
        Assert.NotNull(outage.HostImpaired);
    }

    [Fact]
    public void Decide_MisconfiguredRunWithAStallLateInTheFault_StaysRefutedOnTheFailureTheHostDidNotTouch()
    {
        var stall = SeedRuns.FaultStart + TimeSpan.FromMinutes(6);
        var run = SeedRuns.Misconfigured()
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime)
            .Host(stall, stall + TimeSpan.FromSeconds(1), Stalled)
            .Build();

        var verdict = VerdictEngine.Decide(run);

        Assert.Equal(VerdictKind.Refuted, verdict.Kind);
        var transition = verdict.Checks[2];
        Assert.False(transition.Passed);
        Assert.Null(transition.HostImpaired);
        Assert.NotNull(verdict.Checks[1].HostImpaired);
        Assert.Equal(DiagnosisCodes.HealthCheckProbesOtherRegion, Assert.Single(verdict.Diagnosis).Code);
    }

    [Fact]
    public void Decide_FlipDecidedOnLateProbes_ImpairsEveryCheckWhoseWindowEndsAfterIt()
    {
        // hc-eu turned unhealthy at +1m only because the host stalled while its probes ran: it moves every answer after it.
        var run = SeedRuns.Correct()
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime)
            .Host(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(41), Stalled)
            .Health("hc-eu", TimeSpan.FromMinutes(1), healthy: false)
            .Build();

        var flips = HostImpairment.ImpairedFlips(run);
        var verdict = VerdictEngine.Decide(run);

        Assert.Equal("hc-eu", Assert.Single(flips).HealthCheck);
        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
        Assert.All(verdict.Checks, c => Assert.Contains("hc-eu turned unhealthy at +1m on probes the host ran late", c.HostImpaired, StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_SteadyStateTheHostImpaired_IsNotRunNamingTheHost()
    {
        var run = new SomeRun()
            .Phases(faultStart: null, faultEnd: null, runEnd: TimeSpan.FromMinutes(2))
            .Check(SomeChecks.SuccessRate("steady state", "all", CheckWindow.During(Phase.Baseline)))
            .Traffic("eu-customers", TimeSpan.Zero, TimeSpan.FromMinutes(2), SomeTraffic.Stats(ok: 2, timeouts: 18, region: "eu-west-1"))
            .Host(TimeSpan.Zero, TimeSpan.FromMinutes(2), OnTime)
            .Host(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(14))
            .Ended(RunState.Cancelled)
            .Build();

        // As the runner does: the gate's results, judged at the baseline's end, stand for the steady state.
        var gate = HostImpairment.Mark(run, CheckEvaluator.EvaluateSteadyState(run, SomeRun.At(TimeSpan.FromMinutes(2))));
        var verdict = VerdictEngine.Decide(run, gate);

        Assert.Equal(VerdictKind.NotRun, verdict.Kind);
        Assert.StartsWith("Not run: the steady state could not be judged, so nothing was injected: the host could not keep time scale 20: timers ran up to 14s late", verdict.Summary, StringComparison.Ordinal);
        Assert.Contains("rerun with `--time-scale 1` (or `--time-scale auto`) or on a quieter machine", verdict.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("steady state was not met", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_StopConditionThatBreachedWhileTheHostStalled_SaysTheStopMayBeTheHosts()
    {
        var stop = SeedRuns.FaultStart + TimeSpan.FromMinutes(2);
        var run = SeedRuns.Correct()
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime)
            .Host(stop - TimeSpan.FromSeconds(30), stop - TimeSpan.FromSeconds(29), Stalled)
            .Event(new StopConditionFired { At = SomeRun.At(stop), Name = "global outage", Threshold = "< 40%", Measured = 0, Lasted = TimeSpan.FromMinutes(1) })
            .Build();
        var calm = SeedRuns.Correct()
            .Host(TimeSpan.Zero, SeedRuns.RunEnd, OnTime)
            .Event(new StopConditionFired { At = SomeRun.At(stop), Name = "global outage", Threshold = "< 40%", Measured = 0, Lasted = TimeSpan.FromMinutes(1) })
            .Build();

        var verdict = VerdictEngine.Decide(run);
        Assert.Contains("so the stop may be the host's doing", verdict.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("host's doing", VerdictEngine.Decide(calm).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_RunStoppedOverImpairedSecondsWithUndecidedChecks_IsInconclusiveNamingTheHostFirst()
    {
        var stop = SeedRuns.FaultStart + TimeSpan.FromMinutes(2);
        var run = SeedRuns.Misconfigured()
            .Phases(SeedRuns.FaultStart, faultEnd: null, runEnd: stop)
            .Host(TimeSpan.Zero, stop, OnTime)
            .Host(stop - TimeSpan.FromSeconds(30), stop - TimeSpan.FromSeconds(29), Stalled)
            .Event(new StopConditionFired { At = SomeRun.At(stop), Name = "global outage", Threshold = "< 40%", Measured = 0, Lasted = TimeSpan.FromMinutes(1) })
            .Ended(RunState.Stopped)
            .Build();

        // No check to impair: the stop alone ended the run.
        var verdict = VerdictEngine.Decide(run, []);

        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
        Assert.StartsWith(
            "Inconclusive: stop condition 'global outage' breached while the host could not keep time scale 20: timers ran up to 3s late in 1 lab second of its breach",
            verdict.Summary,
            StringComparison.Ordinal);
        Assert.Single(AllIndexesOf(verdict.Summary, "the host's doing"));
    }

    private static IEnumerable<int> AllIndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            yield return i;
        }
    }

    [Fact]
    public void Mark_RunWithoutHostMeasurements_LeavesChecksAsTheyAre()
    {
        var run = SeedRuns.Misconfigured().Build();
        var checks = CheckEvaluator.Evaluate(run);

        Assert.Same(checks, HostImpairment.Mark(run, checks));
        Assert.Null(HostImpairment.Timing(run));
    }

    [Fact]
    public void Advice_AtScaleOne_SaysOnlyAQuieterMachine()
    {
        var budget = HostBudget.For(Some.Topology(), 1);

        Assert.Equal("rerun on a quieter machine", HostImpairment.Advice(budget, TimeSpan.FromSeconds(5)));
    }
}
