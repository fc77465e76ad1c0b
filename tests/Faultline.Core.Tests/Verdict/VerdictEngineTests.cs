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

    private static RunProblem Lapsed(TimeSpan at) => new()
    {
        At = SomeRun.At(at),
        Kind = RunProblemKind.LeaseLapsed,
        Subject = "f1",
        UnderminesVerdict = true,
        Message = "fault f1 (latency on us-east-1/hello) was reverted by the lab at T+2:10 when its lease lapsed, 3m50s before its planned end",
    };

    private static RunProblem LabGone(TimeSpan at) => new()
    {
        At = SomeRun.At(at),
        Kind = RunProblemKind.LabUnreachable,
        Subject = "http://127.0.0.1:8474",
        UnderminesVerdict = true,
        Message = "the lab at http://127.0.0.1:8474 stopped answering at T+3:12",
    };

    [Fact]
    public void Decide_LeaseLapsedInARefutedRun_IsInconclusiveNamingTheLapseFirstWithoutDiagnosis()
    {
        var run = SeedRuns.Misconfigured().Event(Lapsed(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(10))).Build();

        var verdict = VerdictEngine.Decide(run);

        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
        Assert.Empty(verdict.Diagnosis);
        Assert.Equal(
            "Inconclusive: fault f1 (latency on us-east-1/hello) was reverted by the lab at T+2:10 when its lease lapsed, 3m50s before its planned end; " +
            "the evidence cannot be trusted, so 2 failed checks (#2 us customers served after failover: 0%, expected >= 99%; #3 us health check turns unhealthy: never, expected unhealthy within 3m) do not refute the hypothesis.",
            verdict.Summary);
        Assert.Equal(RunProblemKind.LeaseLapsed, Assert.Single(verdict.Problems).Kind);
        var entry = Assert.Single(verdict.Timeline, e => e.Kind == TimelineEntryKind.Problem);
        Assert.Equal(("f1", TimeSpan.FromSeconds(130)), (entry.Subject, entry.Offset));
        Assert.StartsWith("problem: fault f1 ", entry.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_LabStoppedAnsweringInAFailedRun_NamesTheLabFirstAndDoesNotClaimEveryFaultReverted()
    {
        var run = SeedRuns.Correct()
            .Event(new RunProblem { At = SomeRun.At(TimeSpan.FromMinutes(3)), Kind = RunProblemKind.RevertFailed, Subject = "f1", UnderminesVerdict = true, Message = "could not revert fault f1: Connection refused" })
            .Event(LabGone(TimeSpan.FromSeconds(192)))
            .Ended(RunState.Failed)
            .Build();

        var verdict = VerdictEngine.Decide(run);

        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
        Assert.Equal(
            "Inconclusive: the lab at http://127.0.0.1:8474 stopped answering at T+3:12 (1 failed revert or renewal followed from it); " +
            "the evidence cannot be trusted, so the checks that passed do not confirm the hypothesis. " +
            "The run ended failed; not every fault could be reverted; the rest lapse with their leases.",
            verdict.Summary);
    }

    [Fact]
    public void Decide_ProblemThatDoesNotUndermine_KeepsTheVerdict()
    {
        var run = SeedRuns.Correct()
            .Event(new RunProblem { At = SomeRun.At(TimeSpan.FromMinutes(1)), Kind = RunProblemKind.SinkFailed, Message = "the event sink failed on a HealthChanged event: disk full" })
            .Build();

        var verdict = VerdictEngine.Decide(run);

        Assert.Equal(VerdictKind.Held, verdict.Kind);
        Assert.Equal("Held: all 3 checks passed.", verdict.Summary);
        Assert.Single(verdict.Problems);
    }

    [Fact]
    public void Decide_NotRunWithTheLabGone_StaysNotRunNamingTheLab()
    {
        var run = new SomeRun().Event(LabGone(TimeSpan.FromSeconds(30))).Build();

        var verdict = VerdictEngine.Decide(run, [Result(1, false, steady: true)]);

        Assert.Equal(VerdictKind.NotRun, verdict.Kind);
        Assert.Equal(
            "Not run: the lab at http://127.0.0.1:8474 stopped answering at T+3:12. Steady state was not met before any fault (#1 check 1: 90%, expected >= 99%), so nothing was injected.",
            verdict.Summary);
    }

    [Fact]
    public void Decide_VerdictWithProblems_SerializesThemForResultJson()
    {
        var verdict = VerdictEngine.Decide(SeedRuns.Correct().Event(Lapsed(TimeSpan.FromMinutes(2))).Build());

        var json = System.Text.Json.JsonSerializer.Serialize(verdict, Faultline.Core.Journal.JournalJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<RunVerdict>(json, Faultline.Core.Journal.JournalJson.Options)!;

        Assert.Contains("\"problems\":[{", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"lease-lapsed\"", json, StringComparison.Ordinal);
        Assert.Equal(verdict.Problems, back.Problems);
    }
}
