using Faultline.Core.Faults;
using Faultline.Core.Checks;
using Faultline.Core.Runs;
using Faultline.Core.Topology;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Verdict;

public sealed class DiagnoserTests
{
    private static readonly TimeSpan FaultStart = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FaultEnd = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan RunEnd = TimeSpan.FromMinutes(15);

    [Fact]
    public void ProbesOtherRegion_ObservedProbesToEu_NamesCheckFqdnAddressAndRegions()
    {
        var finding = Assert.Single(Diagnoser.ProbesOtherRegion(SeedRuns.Misconfigured().Build()));

        Assert.Equal("us-east-1", finding.Region);
        Assert.Equal("us-customers", finding.Population);
        Assert.Equal(
            [
                "hc-us guards set 'us' (us-east-1) of api.example.test",
                "checkers at us-east-1 resolved api.eu-west-1.example.test to 127.0.2.1 (eu-west-1) at +0s",
                "checkers at eu-west-1 resolved api.eu-west-1.example.test to 127.0.2.1 (eu-west-1) at +0s",
                "hc-us stayed healthy through the fault phase (+2m to +12m)",
                "us-customers: 12,000 of 12,000 requests failed during the fault (12,000×5xx)",
            ],
            finding.Evidence);
    }

    [Fact]
    public void ProbesOtherRegion_NoProbeObserved_FallsBackToTheTopology()
    {
        var run = UsFailsThroughout(Some.Topology("api.eu-west-1.example.test")).Build();

        var finding = Assert.Single(Diagnoser.ProbesOtherRegion(run));

        Assert.Equal(
            "hc-us stayed healthy while us-customers got errors (12,000×5xx): it probes api.eu-west-1.example.test, which resolved to eu-west-1, not the region it guards (us-east-1)",
            finding.Headline);
        Assert.Contains("the topology serves api.eu-west-1.example.test from eu-west-1 (no probe target was observed)", finding.Evidence);
    }

    [Fact]
    public void ProbesOtherRegion_CheckProbingItsOwnRegion_FindsNothing()
    {
        var run = UsFailsThroughout(Some.Topology())
            .Probe("hc-us", TimeSpan.Zero, "api.us-east-1.example.test", "us-east-1", "127.0.1.1", "us-east-1")
            .Build();

        Assert.Empty(Diagnoser.ProbesOtherRegion(run));
    }

    [Fact]
    public void ProbesOtherRegion_CheckThatTurnedUnhealthy_FindsNothing()
    {
        var run = SeedRuns.Misconfigured().Health("hc-us", FaultStart + TimeSpan.FromMinutes(1), healthy: false).Build();

        Assert.Empty(Diagnoser.ProbesOtherRegion(run));
    }

    [Fact]
    public void ProbesOtherRegion_CustomersUnharmed_FindsNothing()
    {
        var run = new SomeRun(Some.Topology("api.eu-west-1.example.test"))
            .Traffic("us-customers", TimeSpan.Zero, RunEnd, SomeTraffic.Stats(ok: 20, region: "us-east-1"))
            .Build();

        Assert.Empty(Diagnoser.ProbesOtherRegion(run));
    }

    [Fact]
    public void PathNotFaulted_OnlyHelloFaultedAndCheckStayedHealthy_SaysTheCheckDoesNotExerciseIt()
    {
        var run = new SomeRun().Fault(FaultStart, "f-1", FaultKind.Latency, "us-east-1/hello").Build();

        var finding = Assert.Single(Diagnoser.PathNotFaulted(run));

        Assert.Equal(DiagnosisCodes.HealthCheckPathNotFaulted, finding.Code);
        Assert.Equal("hc-us probes /api/health, which was not faulted: the health check does not exercise /api/hello", finding.Headline);
        Assert.Equal("hc-us", finding.HealthCheck);
    }

    [Fact]
    public void PathNotFaulted_HealthFunctionFaultedToo_FindsNothing()
    {
        var run = new SomeRun().Fault(FaultStart, "f-1", FaultKind.Latency, "us-east-1/hello", "us-east-1/health").Build();

        Assert.Empty(Diagnoser.PathNotFaulted(run));
    }

    [Fact]
    public void PathNotFaulted_CheckTurnedUnhealthy_FindsNothing()
    {
        var run = new SomeRun()
            .Fault(FaultStart, "f-1", FaultKind.Error, "us-east-1/hello")
            .Health("hc-us", FaultStart + TimeSpan.FromMinutes(1), healthy: false)
            .Build();

        Assert.Empty(Diagnoser.PathNotFaulted(run));
    }

    [Fact]
    public void FailOpen_EveryCheckUnhealthy_SaysRoute53AnsweredAll()
    {
        var run = new SomeRun()
            .Health("hc-us", TimeSpan.FromMinutes(3), healthy: false)
            .Health("hc-eu", TimeSpan.FromMinutes(4), healthy: false)
            .Dns("us-east-1", TimeSpan.FromMinutes(4), "api.example.test", "us-east-1", "eu-west-1")
            .Health("hc-eu", TimeSpan.FromMinutes(9), healthy: true)
            .Build();

        var finding = Assert.Single(Diagnoser.FailOpen(run));

        Assert.Equal(DiagnosisCodes.FailOpenNoRegionHealthy, finding.Code);
        Assert.Equal("no region was healthy, so Route 53 answered all of them: hc-us and hc-eu were all unhealthy for 5m and api.example.test kept answering every region", finding.Headline);
        Assert.Equal(["hc-us, hc-eu were all unhealthy from +4m to +9m", "us-east-1 got us-east-1, eu-west-1 for api.example.test at +4m"], finding.Evidence);
    }

    [Fact]
    public void FailOpen_OneCheckStillHealthy_FindsNothing()
    {
        var run = new SomeRun().Health("hc-us", TimeSpan.FromMinutes(3), healthy: false).Build();

        Assert.Empty(Diagnoser.FailOpen(run));
    }

    [Fact]
    public void ClientsStuck_CustomersOnTheOldRegionLongAfterTheTtl_NamesPopulationDurationTtlAndCause()
    {
        var moved = TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(30);
        var topology = Some.Topology() with
        {
            Clients = [.. Some.Topology().Clients.Select(c => c with { ConnectionReuse = ConnectionReuse.KeepAlive })],
        };
        var run = new SomeRun(topology)
            .Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1")
            .Dns("us-east-1", moved, "api.example.test", "eu-west-1")
            .Traffic("us-customers", FaultStart, TimeSpan.FromMinutes(6), SomeTraffic.Stats(status5xx: 20, region: "us-east-1"))
            .Traffic("us-customers", TimeSpan.FromMinutes(6), RunEnd, SomeTraffic.Stats(ok: 20, region: "eu-west-1"))
            .Build();

        var finding = Assert.Single(Diagnoser.ClientsStuck(run));

        Assert.Equal(DiagnosisCodes.ClientsStuckAfterDnsChange, finding.Code);
        Assert.Equal(
            "us-customers kept reaching us-east-1 for 2m30s after us-east-1's answer for api.example.test moved to eu-west-1 at +3m30s, longer than the TTL (1m): likely kept-alive connections to us-east-1 outliving the DNS change",
            finding.Headline);
        Assert.Equal("us-customers", finding.Population);
    }

    [Fact]
    public void ClientsStuck_PerRequestConnections_BlamesDnsCaching()
    {
        var topology = Some.Topology() with
        {
            Clients = [.. Some.Topology().Clients.Select(c => c with { ConnectionReuse = ConnectionReuse.PerRequest })],
        };
        var run = new SomeRun(topology)
            .Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1")
            .Dns("us-east-1", TimeSpan.FromMinutes(3), "api.example.test", "eu-west-1")
            .Traffic("us-customers", TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(6), SomeTraffic.Stats(ok: 20, region: "us-east-1"))
            .Build();

        Assert.EndsWith("likely DNS answers cached beyond the TTL", Assert.Single(Diagnoser.ClientsStuck(run)).Headline, StringComparison.Ordinal);
    }

    [Fact]
    public void ClientsStuck_CustomersMovedWithinTheTtl_FindsNothing()
    {
        var run = new SomeRun()
            .Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1")
            .Dns("us-east-1", TimeSpan.FromMinutes(3), "api.example.test", "eu-west-1")
            .Traffic("us-customers", TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(50), SomeTraffic.Stats(status5xx: 20, region: "us-east-1"))
            .Traffic("us-customers", TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(50), RunEnd, SomeTraffic.Stats(ok: 20, region: "eu-west-1"))
            .Build();

        Assert.Empty(Diagnoser.ClientsStuck(run));
    }

    [Fact]
    public void Diagnose_RefutedWithoutAMatchingRule_ListsTheFailedChecks()
    {
        var run = new SomeRun()
            .Check(SomeChecks.EuUnaffected)
            .Traffic("eu-customers", FaultStart, FaultEnd, SomeTraffic.Stats(ok: 19, status5xx: 1, region: "eu-west-1"))
            .Build();
        var checks = CheckEvaluator.Evaluate(run);

        var finding = Assert.Single(Diagnoser.Diagnose(run, checks));

        Assert.Equal(DiagnosisCodes.ChecksFailed, finding.Code);
        Assert.Equal("1 check failed (#1) and no known cause matched what was observed", finding.Headline);
        Assert.Equal(["#1 eu customers unaffected: 95%, expected >= 99% (95% of 12,000 requests succeeded (600 failed: 600×5xx))"], finding.Evidence);
    }

    [Fact]
    public void Diagnose_RuleMatched_LeavesOutTheGenericFinding()
    {
        var run = SeedRuns.Misconfigured().Build();

        var findings = Diagnoser.Diagnose(run, CheckEvaluator.Evaluate(run));

        Assert.DoesNotContain(findings, f => f.Code == DiagnosisCodes.ChecksFailed);
    }

    private static SomeRun UsFailsThroughout(Core.Topology.Topology topology) =>
        new SomeRun(topology)
            .Fault(FaultStart, "f-1", FaultKind.Latency, "us-east-1/health", "us-east-1/hello")
            .Traffic("us-customers", FaultStart, FaultEnd, SomeTraffic.Stats(status5xx: 20, region: "us-east-1"));
}
