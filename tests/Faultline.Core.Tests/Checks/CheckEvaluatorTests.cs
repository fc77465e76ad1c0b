using Faultline.Core.Experiments;
using Faultline.Core.Checks;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Checks;

public sealed class CheckEvaluatorTests
{
    private static readonly TimeSpan FaultStart = TimeSpan.FromMinutes(2);

    private static readonly DnsAnswerCheck UsMovesToEu = new()
    {
        Name = "us answers eu",
        QuerierLocation = "us-east-1",
        QueryName = "api.example.test",
        AnswersRegion = "eu-west-1",
        Within = TimeSpan.FromMinutes(3),
    };

    [Fact]
    public void Evaluate_TrafficCheckOverPhase_PassesWithMeasuredValueAndWindow()
    {
        var run = new SomeRun()
            .Check(SomeChecks.EuUnaffected)
            .Traffic("eu-customers", TimeSpan.Zero, TimeSpan.FromMinutes(15), SomeTraffic.Stats(ok: 20, region: "eu-west-1"))
            .Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.True(result.Passed);
        Assert.Equal(CheckKind.Traffic, result.Kind);
        Assert.Equal("100%", result.Measured);
        Assert.Equal(100, result.MeasuredValue);
        Assert.Equal(">= 99%", result.Expected);
        Assert.Equal("fault", result.Window);
        Assert.Equal(TimeSpan.FromMinutes(2), result.FromOffset);
        Assert.Equal(TimeSpan.FromMinutes(12), result.ToOffset);
        Assert.Equal("100% of 12,000 requests succeeded (none failed)", result.Explanation);
    }

    [Fact]
    public void Evaluate_TrafficCheck_MergesOnlySecondsStartingInTheWindowOfSelectedPopulations()
    {
        var run = new SomeRun()
            .Check(SomeChecks.EuUnaffected)
            .Traffic("eu-customers", TimeSpan.Zero, FaultStart, SomeTraffic.Stats(status5xx: 20))
            .Traffic("eu-customers", FaultStart, TimeSpan.FromMinutes(3), SomeTraffic.Stats(ok: 19, status5xx: 1))
            .Traffic("eu-customers", TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(13), SomeTraffic.Stats(status5xx: 20))
            .Traffic("us-customers", FaultStart, TimeSpan.FromMinutes(3), SomeTraffic.Stats(status5xx: 20))
            .Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.False(result.Passed);
        Assert.Equal("95%", result.Measured);
        Assert.Equal("95% of 1,200 requests succeeded (60 failed: 60×5xx)", result.Explanation);
    }

    [Fact]
    public void Evaluate_TrafficCheckWithOffsets_LooksOnlyAfterTheOffset()
    {
        var results = CheckEvaluator.Evaluate(SeedRuns.Correct().Build());

        var afterFailover = results[1];
        Assert.True(afterFailover.Passed);
        Assert.Equal(TimeSpan.FromMinutes(5), afterFailover.FromOffset);
        Assert.Equal("fault.start + 3m .. fault.end", afterFailover.Window);
    }

    [Fact]
    public void Evaluate_TrafficCheckWhoseEdgeWasNeverReached_IsUndecidable()
    {
        var run = new SomeRun()
            .Phases(FaultStart, faultEnd: null, runEnd: null)
            .Check(SomeChecks.EuUnaffected)
            .Traffic("eu-customers", TimeSpan.Zero, TimeSpan.FromMinutes(3), SomeTraffic.Stats(status5xx: 20))
            .Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.Null(result.Passed);
        Assert.Null(result.Measured);
        Assert.Equal("the run never reached fault.end, so window fault cannot be evaluated", result.Explanation);
    }

    [Fact]
    public void Evaluate_TrafficCheckWithoutTraffic_IsUndecidableNotPassed()
    {
        var result = Assert.Single(CheckEvaluator.Evaluate(new SomeRun().Check(SomeChecks.EuUnaffected).Build()));

        Assert.Null(result.Passed);
        Assert.Equal("no requests from eu-customers in fault, so success rate cannot be measured", result.Explanation);
    }

    [Fact]
    public void Evaluate_HealthCheckFlippingInTime_PassesWithElapsed()
    {
        var run = new SomeRun().Check(SomeChecks.UsHealthCheckTurnsUnhealthy).Health("hc-us", FaultStart + TimeSpan.FromSeconds(88), healthy: false).Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.True(result.Passed);
        Assert.Equal("after 1m28s", result.Measured);
        Assert.Equal(88, result.MeasuredValue);
        Assert.Equal("unhealthy within 3m", result.Expected);
        Assert.Equal("hc-us turned unhealthy 1m28s after fault.start", result.Explanation);
    }

    [Fact]
    public void Evaluate_HealthCheckNeverFlipping_FailsWithNever()
    {
        var result = Assert.Single(CheckEvaluator.Evaluate(new SomeRun().Check(SomeChecks.UsHealthCheckTurnsUnhealthy).Build()));

        Assert.False(result.Passed);
        Assert.Equal("never", result.Measured);
        Assert.Equal("hc-us stayed healthy for 3m after fault.start", result.Explanation);
    }

    [Fact]
    public void Evaluate_HealthCheckFlippingLate_FailsWithElapsed()
    {
        var run = new SomeRun().Check(SomeChecks.UsHealthCheckTurnsUnhealthy).Health("hc-us", FaultStart + TimeSpan.FromMinutes(4), healthy: false).Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.False(result.Passed);
        Assert.Equal("after 4m", result.Measured);
    }

    [Fact]
    public void Evaluate_HealthCheckAlreadyUnhealthyAtWindowStart_PassesAtZero()
    {
        var run = new SomeRun().Check(SomeChecks.UsHealthCheckTurnsUnhealthy).Health("hc-us", TimeSpan.FromMinutes(1), healthy: false).Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.True(result.Passed);
        Assert.Equal("after 0s", result.Measured);
    }

    [Fact]
    public void Evaluate_HealthCheckWhoseDeadlineIsAfterTheObservations_IsUndecidable()
    {
        var run = new SomeRun().Phases(FaultStart, faultEnd: null, runEnd: FaultStart + TimeSpan.FromMinutes(1)).Check(SomeChecks.UsHealthCheckTurnsUnhealthy).Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.Null(result.Passed);
        Assert.Equal("hc-us had not turned unhealthy when the observations end, 1m into the 3m allowed", result.Explanation);
    }

    [Fact]
    public void Evaluate_HealthCheckWithoutFaultPhase_IsUndecidable()
    {
        var run = new SomeRun().Phases(faultStart: null, faultEnd: null, runEnd: TimeSpan.FromMinutes(1)).Check(SomeChecks.UsHealthCheckTurnsUnhealthy).Build();

        Assert.Null(Assert.Single(CheckEvaluator.Evaluate(run)).Passed);
    }

    [Fact]
    public void Evaluate_DnsAnswerMovingInTime_Passes()
    {
        var run = new SomeRun()
            .Check(UsMovesToEu)
            .Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1")
            .Dns("us-east-1", FaultStart + TimeSpan.FromSeconds(90), "API.example.test.", "eu-west-1")
            .Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.True(result.Passed);
        Assert.Equal(CheckKind.DnsAnswer, result.Kind);
        Assert.Equal("after 1m30s", result.Measured);
        Assert.Equal("eu-west-1 within 3m", result.Expected);
    }

    [Fact]
    public void Evaluate_DnsAnswerAlreadyThereAtWindowStart_PassesAtZero()
    {
        var run = new SomeRun().Check(UsMovesToEu).Dns("us-east-1", TimeSpan.Zero, "api.example.test", "eu-west-1").Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.True(result.Passed);
        Assert.Equal("after 0s", result.Measured);
    }

    [Fact]
    public void Evaluate_DnsFailOpenAnswerListingEveryRegion_DoesNotCount()
    {
        var run = new SomeRun()
            .Check(UsMovesToEu)
            .Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1")
            .Dns("us-east-1", FaultStart + TimeSpan.FromSeconds(30), "api.example.test", "us-east-1", "eu-west-1")
            .Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.False(result.Passed);
        Assert.Equal("never", result.Measured);
        Assert.Equal("us-east-1's answer for api.example.test did not move to eu-west-1 within 3m after fault.start (it was us-east-1, eu-west-1)", result.Explanation);
    }

    [Fact]
    public void Evaluate_DnsAnswerOfAnotherLocation_DoesNotCount()
    {
        var run = new SomeRun().Check(UsMovesToEu).Dns("eu-west-1", FaultStart, "api.example.test", "eu-west-1").Build();

        Assert.False(Assert.Single(CheckEvaluator.Evaluate(run)).Passed);
    }

    [Fact]
    public void Evaluate_SeveralFailingChecks_EvaluatesEveryOneInOrder()
    {
        var results = CheckEvaluator.Evaluate(SeedRuns.Misconfigured().Build());

        Assert.Equal([1, 2, 3], results.Select(r => r.Number));
        Assert.Equal([true, false, false], results.Select(r => r.Passed));
        Assert.Equal("0%", results[1].Measured);
    }

    [Fact]
    public void EvaluateSteadyState_MixedChecks_EvaluatesOnlyBaselineChecksKeepingTheirNumbers()
    {
        var run = new SomeRun()
            .Check(SomeChecks.EuUnaffected, SomeChecks.SuccessRate("steady", "all", CheckWindow.During(Phase.Baseline)))
            .Traffic("eu-customers", TimeSpan.Zero, FaultStart, SomeTraffic.Stats(ok: 20))
            .Build();

        var result = Assert.Single(CheckEvaluator.EvaluateSteadyState(run));

        Assert.Equal(2, result.Number);
        Assert.True(result.IsSteadyState);
        Assert.True(result.Passed);
    }

    [Fact]
    public void EvaluateSteadyState_AtTheBaselinesEndBeforeAnyFault_EndsTheWindowThere()
    {
        var run = new SomeRun()
            .Phases(faultStart: null, faultEnd: null, runEnd: null)
            .Check(SomeChecks.SuccessRate("steady", "all", CheckWindow.During(Phase.Baseline)))
            .Traffic("eu-customers", TimeSpan.Zero, FaultStart, SomeTraffic.Stats(ok: 18, status5xx: 2))
            .Build();

        Assert.Null(Assert.Single(CheckEvaluator.EvaluateSteadyState(run)).Passed);
        var result = Assert.Single(CheckEvaluator.EvaluateSteadyState(run, SomeRun.At(FaultStart)));

        Assert.False(result.Passed);
        Assert.Equal("90%", result.Measured);
        Assert.Equal(TimeSpan.FromMinutes(2), result.ToOffset);
    }

    [Fact]
    public void Evaluate_LatencyCheck_MeasuresMillisecondsAgainstTheThreshold()
    {
        var check = new TrafficCheck
        {
            Name = "fast",
            Clients = ClientSelector.All,
            Metric = new TrafficMetric(TrafficMetricKind.LatencyPercentile, Percentile: 99),
            Threshold = new Threshold(ComparisonOperator.Less, 2000, ThresholdUnit.Milliseconds),
        };
        var run = new SomeRun()
            .Check(check)
            .Traffic("us-customers", FaultStart, TimeSpan.FromMinutes(12), SomeTraffic.Stats(ok: 5, latency: TimeSpan.FromSeconds(10)))
            .Build();

        var result = Assert.Single(CheckEvaluator.Evaluate(run));

        Assert.False(result.Passed);
        Assert.Equal("< 2000ms", result.Expected);
        Assert.InRange(result.MeasuredValue!.Value, 9900, 10100);
    }

    [Fact]
    public void Evaluate_RegionShareCheck_MeasuresTheShareOfResponses()
    {
        var check = new TrafficCheck
        {
            Name = "us customers served by eu",
            Clients = new ClientSelector { Names = ["us-customers"] },
            Metric = new TrafficMetric(TrafficMetricKind.RegionShare, Region: "eu-west-1"),
            Threshold = new Threshold(ComparisonOperator.GreaterOrEqual, 50, ThresholdUnit.Percent),
        };

        var result = CheckEvaluator.Evaluate(SeedRuns.Correct().Check(check).Build())[3];

        Assert.True(result.Passed);
        Assert.Equal("75.33%", result.Measured);
        Assert.Equal("75.33% of 12,000 responses came from eu-west-1 (eu-west-1 9,040, us-east-1 2,960)", result.Explanation);
    }

    [Fact]
    public void ToEvent_Result_CarriesTheJournalFields()
    {
        var result = CheckEvaluator.Evaluate(SeedRuns.Misconfigured().Build())[2];

        var e = result.ToEvent(SomeRun.T0);

        Assert.Equal(("us health check turns unhealthy", false, "never", "unhealthy within 3m"), (e.Check, e.Passed, e.Measured, e.Expected));
    }
}
