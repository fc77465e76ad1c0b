using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Planning;
using Faultline.Core.Tests.Experiments.Reading;
using Faultline.Core.Tests.Topology.Reading;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Planning;

public sealed class ConstructionChecksTests
{
    private const string HealthCheck = "- { name: hc-us turns unhealthy, healthCheck: hc-us, becomes: unhealthy, within: 3m }";
    private const string DnsCheck = "- { name: us answered eu, dns: { location: us-east-1, name: api.example.test, answers: eu-west-1 }, within: 3m }";

    // Route 53's arithmetic alone: the FIS Lambda extension's ramp (awsTiming) has its own tests, which write awsTiming.
    private const string IdealTiming = "awsTiming: { lambdaRampUp: 0s, lambdaRampDown: 0s, configureDelay: 0s }\n";

    private static IReadOnlyList<ConstructionFinding> Check(string experimentYaml, string? topologyYaml = null)
    {
        var read = SeedExperimentYaml.Read(experimentYaml.Contains("awsTiming", StringComparison.Ordinal) ? experimentYaml : experimentYaml + IdealTiming, topologyYaml);
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        return ConstructionChecks.Check(read.Experiment!, read.Topology!, read.SourceMap);
    }

    private static string[] Render(IReadOnlyList<ConstructionFinding> findings) => findings.Select(f => f.ToDiagnostic().ToString()).ToArray();

    [Theory]
    [InlineData("seed", "experiment.yaml")]
    [InlineData("seed", "experiment-fis.yaml")]
    [InlineData("three-regions", "experiment.yaml")]
    [InlineData("stop-condition", "experiment.yaml")]
    [InlineData("all-fields", "experiment.yaml")]
    public void Check_Samples_FindNothing(string folder, string file)
    {
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", folder, file));

        Assert.Empty(ConstructionChecks.Check(read.Experiment!, read.Topology!, read.SourceMap));
    }

    [Theory]
    [InlineData("experiment.yaml")]
    [InlineData("experiment-fis.yaml")]
    public void Check_MisconfiguredSeed_HealthCheckNeverFailsAndTheAnswerNeverMoves(string file)
    {
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", "seed", "misconfigured", file));

        var findings = ConstructionChecks.Check(read.Experiment!, read.Topology!, read.SourceMap);

        Assert.Equal([ConstructionCodes.HealthCheckNeverFails, ConstructionCodes.DnsAnswerCannotMove], findings.Select(f => f.Code));
        Assert.All(findings, f => Assert.Equal(DiagnosticSeverity.Error, f.Severity));
        Assert.Equal(
            "check 'us health check turns unhealthy' cannot pass: hc-us probes api.eu-west-1.example.test, served by eu-west-1, where no action injects a fault (actions inject into us-east-1), "
            + "so its probes keep succeeding and it stays healthy",
            findings[0].Message);
        Assert.Equal("fault the region hc-us probes, or point its fqdn at a name served by the region it guards (faultline lint on the topology says which)", findings[0].Fix);
        Assert.Equal(
            "check 'us customers answered eu' cannot pass: us-east-1's answer for api.example.test is set 'us' (us-east-1), guarded by hc-us, which probes api.eu-west-1.example.test, served by eu-west-1, "
            + "where no action injects a fault (actions inject into us-east-1), so its probes keep succeeding and it stays healthy; so the answer never moves to eu-west-1",
            findings[1].Message);
        Assert.Equal("fault the region hc-us probes, or point its fqdn at a name served by us-east-1", findings[1].Fix);
    }

    [Fact]
    public void Check_FaultInTheRegionTheHealthCheckProbes_DoesNotSayItNeverFails()
    {
        var topology = SeedTopologyYaml.With("hc-us: { type: HTTPS, fqdn: api.us-east-1.example.test", "hc-us: { type: HTTPS, fqdn: api.eu-west-1.example.test");
        var yaml = SeedExperimentYaml.With("us-functions: { type: function, region: us-east-1, selectionMode: ALL }", "us-functions: { type: function, selectionMode: ALL }");

        Assert.DoesNotContain(Check(yaml, topology), f => f.Code is ConstructionCodes.HealthCheckNeverFails or ConstructionCodes.DnsAnswerCannotMove);
    }

    [Fact]
    public void Check_UnhealthyWithinLessThanThresholdMinusOneIntervals_IsAnErrorWithTheArithmetic()
    {
        var findings = Check(SeedExperimentYaml.With(HealthCheck, HealthCheck.Replace("within: 3m", "within: 20s", StringComparison.Ordinal)));

        var finding = Assert.Single(findings);
        Assert.Equal((ConstructionCodes.HealthCheckTooSlow, DiagnosticSeverity.Error, "hc-us turns unhealthy"), (finding.Code, finding.Severity, finding.Subject));
        Assert.Equal(
            "experiment.yaml:11:86: check 'hc-us turns unhealthy' cannot pass: hc-us turns unhealthy only after 3 consecutive failed probes 30s apart, "
            + "at the earliest (failureThreshold − 1) × interval = (3 − 1) × 30s = 1m after the first fault starts at T+02:00, so not before T+03:00 "
            + "(usually up to interval × failureThreshold = 30s × 3 = 1m30s, T+03:30); but within: 20s after fault.start ends at T+02:20 [health-check-too-slow]; "
            + "allow within: 1m30s or more, or lower hc-us's interval or failureThreshold",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_UnhealthyWithinBetweenEarliestAndUsualLatest_IsAWarning()
    {
        var findings = Check(SeedExperimentYaml.With(HealthCheck, HealthCheck.Replace("within: 3m", "within: 75s", StringComparison.Ordinal)));

        var finding = Assert.Single(findings);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal(
            "experiment.yaml:11:86: warning: check 'hc-us turns unhealthy' may not pass: hc-us turns unhealthy between (failureThreshold − 1) × interval = (3 − 1) × 30s = 1m "
            + "and interval × failureThreshold = 30s × 3 = 1m30s after the first fault starts at T+02:00, depending on its checkers' phases, so between T+03:00 and T+03:30; "
            + "but within: 1m15s after fault.start ends at T+03:15 [health-check-too-slow]; allow within: 1m30s or more, or lower hc-us's interval or failureThreshold",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_UnhealthyWithinTheLambdaRampUp_IsAWarningThatCountsTheRamp()
    {
        // AWS's timing: the latency reaches each us-east-1 function up to 60 s after the action starts, so hc-us turns
        // unhealthy as early as without the ramp (T+03:00) but usually only by T+04:30; a 2m deadline (T+04:00) may be missed.
        var yaml = SeedExperimentYaml.With(HealthCheck, HealthCheck.Replace("within: 3m", "within: 2m", StringComparison.Ordinal)) + "awsTiming: { lambdaRampUp: 60s }\n";

        var finding = Assert.Single(Check(yaml), f => f.Subject == "hc-us turns unhealthy");

        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal(
            "check 'hc-us turns unhealthy' may not pass: hc-us turns unhealthy between (failureThreshold − 1) × interval = (3 − 1) × 30s = 1m and the FIS Lambda extension's ramp-up 1m + "
            + "interval × failureThreshold = 30s × 3 = 1m30s after the first fault starts at T+02:00, depending on its checkers' phases, so between T+03:00 and T+04:30; "
            + "but within: 2m after fault.start ends at T+04:00",
            finding.Message);
        Assert.DoesNotContain(Check(yaml.Replace("lambdaRampUp: 60s", "lambdaRampUp: 0s", StringComparison.Ordinal)), f => f.Subject == "hc-us turns unhealthy");
    }

    [Fact]
    public void Check_ConfigureStep_CountsFromWhenItsChangeLands()
    {
        // A configure step's change lands awsTiming.configureDelay after it starts: probes can fail only from then.
        var yaml = SeedExperimentYaml.With(
            "  inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m }",
            "  attach: { configure: { target: us-functions, setEnvironment: { AWS_LAMBDA_EXEC_WRAPPER: /opt/bootstrap } } }")
            .Replace(HealthCheck, HealthCheck.Replace("within: 3m", "within: 1m", StringComparison.Ordinal), StringComparison.Ordinal)
            + "awsTiming: { configureDelay: 30s }\n";

        var finding = Assert.Single(Check(yaml), f => f.Subject == "hc-us turns unhealthy");

        Assert.Contains("after the first fault starts at T+02:30, so not before T+03:30", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnhealthyWithinIntervalTimesThreshold_FindsNothing()
    {
        // Only the health check: the DNS check's own rule is not under test here.
        var yaml = SeedExperimentYaml.With(HealthCheck, HealthCheck.Replace("within: 3m", "within: 90s", StringComparison.Ordinal));

        Assert.Empty(Check(yaml));
    }

    [Fact]
    public void Check_UnhealthyAfterALaterFirstFault_CountsFromTheFault()
    {
        // A 2-minute wait first: the fault starts at T+04:00, so hc-us cannot be unhealthy before T+05:00, and a 2m deadline from fault.start is T+04:00.
        var yaml = SeedExperimentYaml.With(
            "  inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m }",
            """
              settle: { wait: 2m }
              inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m, startAfter: [settle] }
            """).Replace(HealthCheck, HealthCheck.Replace("within: 3m", "within: 2m", StringComparison.Ordinal), StringComparison.Ordinal);

        var finding = Assert.Single(Check(yaml), f => f.Subject == "hc-us turns unhealthy");

        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Contains("after the first fault starts at T+04:00, so not before T+05:00", finding.Message, StringComparison.Ordinal);
        Assert.Contains("but within: 2m after fault.start ends at T+04:00", finding.Message, StringComparison.Ordinal);
        Assert.Equal("allow within: 3m30s or more, or lower hc-us's interval or failureThreshold", finding.Fix);
    }

    [Fact]
    public void Check_UnhealthyOnADisabledHealthCheck_IsAnError()
    {
        var topology = SeedTopologyYaml.With("interval: 30s, failureThreshold: 3 }\n  hc-eu", "interval: 30s, failureThreshold: 3, disabled: true }\n  hc-eu");

        var finding = Assert.Single(Check(SeedExperimentYaml.Text, topology), f => f.Subject == "hc-us turns unhealthy");

        Assert.Equal(
            "experiment.yaml:11:51: check 'hc-us turns unhealthy' cannot pass: hc-us is disabled, and a disabled health check is always healthy [health-check-disabled]; "
            + "enable hc-us (remove disabled: true), or check another health check",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_HealthyDuringTheFault_PassesAtOnceAndIsAWarning()
    {
        var findings = Check(SeedExperimentYaml.With(HealthCheck, "- { name: hc-us healthy, healthCheck: hc-us, becomes: healthy, within: 3m }"));

        var finding = Assert.Single(findings);
        Assert.Equal(
            "experiment.yaml:11:7: warning: check 'hc-us healthy' passes at once: hc-us is still healthy at fault.start (T+02:00) as it cannot turn unhealthy before T+03:00, "
            + "and a check already in the wanted state at its window's start passes after 0s [check-passes-at-once]; start the window where it should recover, e.g. during: recovery",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_HealthyDuringRecovery_FindsNothing()
    {
        Assert.Empty(Check(SeedExperimentYaml.With(HealthCheck, "- { name: hc-us healthy, healthCheck: hc-us, becomes: healthy, during: recovery, within: 3m }")));
    }

    [Fact]
    public void Check_DnsWithinBeforeTheHealthCheckCanTurn_IsAnErrorWithTheArithmetic()
    {
        var findings = Check(SeedExperimentYaml.With(DnsCheck, DnsCheck.Replace("within: 3m", "within: 30s", StringComparison.Ordinal)));

        var finding = Assert.Single(findings);
        Assert.Equal(
            "experiment.yaml:12:113: check 'us answered eu' cannot pass: us-east-1's answer for api.example.test moves to eu-west-1 only once hc-us is unhealthy, "
            + "at the earliest (failureThreshold − 1) × interval = (3 − 1) × 30s = 1m after the first fault starts at T+02:00, so not before T+03:00 "
            + "(usually up to interval × failureThreshold + TTL = 30s × 3 + 1m = 2m30s, T+04:30, as clients keep a cached answer for the TTL); "
            + "but within: 30s after fault.start ends at T+02:30 [dns-answer-too-slow]; allow within: 2m30s or more, or lower api.example.test's ttl or hc-us's interval or failureThreshold",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_DnsWithinBeforeTheTtlCanRunOut_IsAWarning()
    {
        var findings = Check(SeedExperimentYaml.With(DnsCheck, DnsCheck.Replace("within: 3m", "within: 2m", StringComparison.Ordinal)));

        var finding = Assert.Single(findings);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal(
            "check 'us answered eu' may not pass: us-east-1's answer for api.example.test moves to eu-west-1 once hc-us is unhealthy and cached answers expire, "
            + "up to interval × failureThreshold + TTL = 30s × 3 + 1m = 2m30s after the first fault starts at T+02:00, so as late as T+04:30; but within: 2m after fault.start ends at T+04:00",
            finding.Message);
    }

    [Fact]
    public void Check_DnsWithPropagationDelay_AddsItToTheArithmetic()
    {
        var topology = SeedTopologyYaml.With("  zone: example.test\n", "  zone: example.test\n  propagationDelay: 30s\n");

        var finding = Assert.Single(Check(SeedExperimentYaml.With(DnsCheck, DnsCheck.Replace("within: 3m", "within: 2m", StringComparison.Ordinal)), topology));

        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Contains("up to interval × failureThreshold + propagationDelay + TTL = 30s × 3 + propagationDelay 30s + 1m = 3m after the first fault starts", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DnsFromALocationWithoutLoad_CannotBeDecided()
    {
        var findings = Check(SeedExperimentYaml.With("clients: [us-customers, eu-customers]", "clients: [eu-customers]"));

        var finding = Assert.Single(findings, f => f.Code == ConstructionCodes.DnsAnswerUnobserved);
        Assert.Equal(
            "experiment.yaml:12:36: check 'us answered eu' cannot be decided: no population of the load sits at us-east-1, and DNS answers are observed by the load's clients only [dns-answer-unobserved]; "
            + "add a client at us-east-1 to load.clients, or check a location that sends load: eu-west-1",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_DnsAnswerHeldBySetWithoutHealthCheck_CannotMove()
    {
        var topology = SeedTopologyYaml.With("- { id: us, region: us-east-1, healthCheck: hc-us }", "- { id: us, region: us-east-1 }");

        var finding = Assert.Single(Check(SeedExperimentYaml.Text, topology), f => f.Code == ConstructionCodes.DnsAnswerCannotMove);

        Assert.Equal(DiagnosticSeverity.Error, finding.Severity);
        Assert.Equal(
            "check 'us answered eu' cannot pass: us-east-1's answer for api.example.test is set 'us' (us-east-1), which has no health check and so is always healthy, so the answer never moves to eu-west-1",
            finding.Message);
    }

    [Fact]
    public void Check_TrafficCheckDuringAnEmptyRecovery_IsAnError()
    {
        var yaml = SeedExperimentYaml.With("recovery: 3m", "recovery: 0s")
            .Replace("- { name: steady state, clients: all, during: baseline, successRate: \">= 99%\" }", "- { name: settles, clients: all, during: recovery, successRate: \">= 99%\" }", StringComparison.Ordinal);

        var finding = Assert.Single(Check(yaml), f => f.Code == ConstructionCodes.WindowOutsideRun);

        Assert.Equal(
            "experiment.yaml:7:46: check 'settles' cannot pass: its window recovery spans T+12:00 to T+12:00, which holds no second of the run (T+00:00 to T+12:00), "
            + "and a traffic check over no traffic is never passed [window-outside-run]; move the window inside the run, or lengthen load.baseline or load.recovery",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_TrafficCheckDuringRecovery_FindsNothing()
    {
        var yaml = SeedExperimentYaml.With("- { name: steady state, clients: all, during: baseline, successRate: \">= 99%\" }", "- { name: settles, clients: all, during: recovery, successRate: \">= 99%\" }");

        Assert.Empty(Check(yaml));
    }

    [Fact]
    public void Check_TrafficWindowStartingAfterTheRun_IsAnError()
    {
        var yaml = SeedExperimentYaml.With("during: { from: fault.start + 3m, to: fault.end }, successRate", "during: { from: fault.end + 4m, to: fault.end + 5m }, successRate");

        var finding = Assert.Single(Check(yaml));

        Assert.Equal(ConstructionCodes.WindowOutsideRun, finding.Code);
        Assert.StartsWith("check 'us served after failover' cannot pass: its window fault.end + 4m .. fault.end + 5m spans T+16:00 to T+17:00, which holds no second of the run (T+00:00 to T+15:00)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DeadlineAfterTheRunsEnd_IsAWarning()
    {
        var yaml = SeedExperimentYaml.With(HealthCheck, "- { name: hc-us healthy again, healthCheck: hc-us, becomes: healthy, during: recovery, within: 5m }");

        var finding = Assert.Single(Check(yaml));

        Assert.Equal(
            "experiment.yaml:11:100: warning: check 'hc-us healthy again' may not be decided: within: 5m after recovery.start ends at T+17:00, after the run ends at T+15:00; "
            + "if it has not happened by then the check is undecided and the verdict inconclusive [deadline-after-run]; shorten within to 3m or less, or lengthen load.recovery by 2m",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_StopConditionLongerThanTheRun_CanNeverFire()
    {
        var finding = Assert.Single(Check(SeedExperimentYaml.With("below: 50%, for: 1m }", "below: 50%, for: 20m }")));

        Assert.Equal(
            "experiment.yaml:22:80: warning: stop condition 'global outage' can never fire: it needs 20m in alarm, and the whole run lasts 15m [stop-condition-longer-than-run]; shorten for to less than 15m",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Check_HealthOverrideOnTheCheck_LeavesTheThresholdRuleAlone()
    {
        var yaml = SeedExperimentYaml.With(
            "  us-functions: { type: function, region: us-east-1, selectionMode: ALL }",
            "  us-functions: { type: function, region: us-east-1, selectionMode: ALL }\n  hc: { type: healthCheck, healthCheck: hc-us }")
            .Replace(
                "  inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m }",
                "  force: { fault: health-override, target: hc, status: unhealthy, duration: 10m }",
                StringComparison.Ordinal)
            .Replace(HealthCheck, HealthCheck.Replace("within: 3m", "within: 20s", StringComparison.Ordinal), StringComparison.Ordinal);

        Assert.DoesNotContain(Check(yaml), f => f.Code == ConstructionCodes.HealthCheckTooSlow);
    }
}
