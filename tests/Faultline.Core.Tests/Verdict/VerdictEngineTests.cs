using Faultline.Core.Experiments;
using Faultline.Core.Checks;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Verdict;

public sealed class VerdictEngineTests
{
    private static CheckResult Result(int number, bool? passed, bool steady = false) => new()
    {
        Number = number,
        Name = $"check {number}",
        Kind = CheckKind.Traffic,
        Passed = passed,
        IsSteadyState = steady,
        Measured = passed is null ? null : "90%",
        Expected = ">= 99%",
        Window = steady ? "baseline" : "fault",
        Explanation = "x",
    };

    [Fact]
    public void Decide_MisconfiguredSeedRun_IsRefutedNamingTheUsHealthCheckTheEuDomainAndEuWest1()
    {
        var verdict = VerdictEngine.Decide(SeedRuns.Misconfigured().Build());

        Assert.Equal(VerdictKind.Refuted, verdict.Kind);
        var finding = Assert.Single(verdict.Diagnosis);
        Assert.Equal(DiagnosisCodes.HealthCheckProbesOtherRegion, finding.Code);
        Assert.Equal("hc-us", finding.HealthCheck);
        Assert.Equal(
            "hc-us stayed healthy while us-customers got errors (12,000×5xx): it probes api.eu-west-1.example.test, which resolved to 127.0.2.1 (eu-west-1), not the region it guards (us-east-1)",
            finding.Headline);
        Assert.Equal("point hc-us at api.us-east-1.example.test", finding.Fix);
        Assert.Equal(
            "Refuted: 2 of 3 checks failed (#2 us customers served after failover: 0%, expected >= 99%; #3 us health check turns unhealthy: never, expected unhealthy within 3m). " +
            "Reason: " + finding.Headline + ".",
            verdict.Summary);
    }

    [Fact]
    public void Decide_CorrectSeedRun_IsHeldWithoutDiagnosis()
    {
        var verdict = VerdictEngine.Decide(SeedRuns.Correct().Build());

        Assert.Equal(VerdictKind.Held, verdict.Kind);
        Assert.Empty(verdict.Diagnosis);
        Assert.Equal("Held: all 3 checks passed.", verdict.Summary);
        Assert.All(verdict.Checks, c => Assert.True(c.Passed));
    }

    [Fact]
    public void Kind_FailedSteadyState_IsNotRunEvenWithOtherFailures()
    {
        var run = new SomeRun().Build();

        Assert.Equal(VerdictKind.NotRun, VerdictEngine.Kind(run, [Result(1, false, steady: true), Result(2, false)]));
    }

    [Fact]
    public void Kind_CancelledBeforeAnyFault_IsNotRun()
    {
        var run = new SomeRun().Phases(null, null, TimeSpan.FromMinutes(2)).Ended(RunState.Cancelled).Build();

        Assert.Equal(VerdictKind.NotRun, VerdictEngine.Kind(run, [Result(1, null)]));
    }

    [Fact]
    public void Kind_AnyFailed_IsRefutedOverUndecidable()
    {
        Assert.Equal(VerdictKind.Refuted, VerdictEngine.Kind(new SomeRun().Build(), [Result(1, true), Result(2, null), Result(3, false)]));
    }

    [Fact]
    public void Kind_NoneFailedSomeUndecidable_IsInconclusive()
    {
        Assert.Equal(VerdictKind.Inconclusive, VerdictEngine.Kind(new SomeRun().Build(), [Result(1, true), Result(2, null)]));
    }

    [Fact]
    public void Kind_NoChecks_IsInconclusive()
    {
        Assert.Equal(VerdictKind.Inconclusive, VerdictEngine.Kind(new SomeRun().Build(), []));
    }

    [Fact]
    public void Kind_AllPassed_IsHeld()
    {
        Assert.Equal(VerdictKind.Held, VerdictEngine.Kind(new SomeRun().Build(), [Result(1, true), Result(2, true, steady: true)]));
    }

    [Fact]
    public void Decide_NotRun_SummaryNamesTheSteadyStateChecks()
    {
        var verdict = VerdictEngine.Decide(new SomeRun().Build(), [Result(1, false, steady: true)]);

        Assert.Equal("Not run: steady state was not met before any fault (#1 check 1: 90%, expected >= 99%), so nothing was injected.", verdict.Summary);
    }

    [Fact]
    public void Decide_Inconclusive_SummaryNamesTheUndecidedChecks()
    {
        var verdict = VerdictEngine.Decide(new SomeRun().Build(), [Result(1, true), Result(2, null)]);

        Assert.Equal("Inconclusive: no check failed, but 1 of 2 checks could not be decided (#2 check 2).", verdict.Summary);
        Assert.Empty(verdict.Diagnosis);
    }

    [Fact]
    public void Decide_StoppedByStopCondition_SaysSoInTheSummary()
    {
        var run = new SomeRun()
            .StopCondition(new StopConditionDefinition
            {
                Name = "global outage",
                Metric = new TrafficMetric(TrafficMetricKind.SuccessRate),
                AlarmWhen = new Threshold(ComparisonOperator.Less, 50, ThresholdUnit.Percent),
            })
            .Event(new StopConditionFired { At = SomeRun.At(TimeSpan.FromMinutes(4)), Name = "global outage", Measured = 12.5, Threshold = "< 50%", Lasted = TimeSpan.FromMinutes(1) })
            .Ended(RunState.Stopped)
            .Build();

        var verdict = VerdictEngine.Decide(run, [Result(1, true)]);

        Assert.Equal("global outage", verdict.StoppedBy);
        Assert.Equal(RunState.Stopped, verdict.FinalState);
        Assert.Equal(
            "Held: the check passed. The run was stopped at +4m: stop condition 'global outage' fired: success rate 12.5% (< 50%) for 1m; every fault was reverted.",
            verdict.Summary);
    }

    [Fact]
    public void Decide_PartialJournal_SaysSo()
    {
        var verdict = VerdictEngine.Decide(new SomeRun().Ended(RunState.Running, partial: true).Build(), [Result(1, null)]);

        Assert.True(verdict.Partial);
        Assert.EndsWith("The journal is partial: the run was killed, so the evidence ends early.", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Verdict_SerializesToJson()
    {
        var verdict = VerdictEngine.Decide(SeedRuns.Misconfigured().Build());

        var json = System.Text.Json.JsonSerializer.Serialize(verdict);

        Assert.Contains("\"Kind\":\"Refuted\"", json, StringComparison.Ordinal);
        Assert.Contains("health-check-probes-other-region", json, StringComparison.Ordinal);
    }
}
