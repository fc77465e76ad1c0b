using Faultline.Core.Faults;
using Faultline.Core.Topology;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Verdict;

/// <summary>The diagnosis rule for alias sets relying on Evaluate Target Health alone (<see cref="DiagnosisCodes.AliasTargetHealthOnly"/>).</summary>
public sealed class DiagnoserAliasTests
{
    private static readonly TimeSpan FaultStart = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan FaultEnd = TimeSpan.FromMinutes(12);

    [Fact]
    public void AliasTargetHealthOnly_AliasKeptAnsweringFaultedRegion_NamesTheBugAndTheFix()
    {
        var run = UsFailsThroughout(AliasTopology(healthCheck: false)).Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1").Build();

        var finding = Assert.Single(Diagnoser.AliasTargetHealthOnly(run));

        Assert.Equal(DiagnosisCodes.AliasTargetHealthOnly, finding.Code);
        Assert.Equal(
            "api.example.test kept answering us-east-1 while us-customers got errors (12,000×5xx): set 'us' is an alias with evaluateTargetHealth and no health check, and for an API Gateway target Route 53 sees only whether the API Gateway service is up in us-east-1, not the functions behind it (health, hello) — the blog's class of bug in its most common modern form",
            finding.Headline);
        Assert.Contains("us-east-1 still got us-east-1 for api.example.test at the end of the fault phase", finding.Evidence);
        Assert.Equal("attach a health check to set 'us' that probes api.us-east-1.example.test on a path through the functions customers call; evaluateTargetHealth alone never fails over on a Lambda outage", finding.Fix);
        Assert.Contains(Diagnoser.Diagnose(run, []), f => f.Code == DiagnosisCodes.AliasTargetHealthOnly);
    }

    [Fact]
    public void AliasTargetHealthOnly_AliasWithHealthCheck_FindsNothing()
    {
        var run = UsFailsThroughout(AliasTopology(healthCheck: true)).Build();

        Assert.Empty(Diagnoser.AliasTargetHealthOnly(run));
    }

    [Fact]
    public void AliasTargetHealthOnly_AnswerMovedAway_FindsNothing()
    {
        var run = UsFailsThroughout(AliasTopology(healthCheck: false))
            .Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1")
            .Dns("us-east-1", FaultStart + TimeSpan.FromMinutes(1), "api.example.test", "eu-west-1")
            .Build();

        Assert.Empty(Diagnoser.AliasTargetHealthOnly(run));
    }

    [Fact]
    public void AliasTargetHealthOnly_NoFunctionFaultInTheRegion_FindsNothing()
    {
        var run = new SomeRun(AliasTopology(healthCheck: false))
            .Fault(FaultStart, "f-1", FaultKind.Latency, "eu-west-1/hello")
            .Traffic("us-customers", FaultStart, FaultEnd, SomeTraffic.Stats(status5xx: 20, region: "us-east-1"))
            .Build();

        Assert.Empty(Diagnoser.AliasTargetHealthOnly(run));
    }

    private static SomeRun UsFailsThroughout(Faultline.Core.Topology.Topology topology) =>
        new SomeRun(topology)
            .Fault(FaultStart, "f-1", FaultKind.Latency, "us-east-1/health", "us-east-1/hello")
            .Traffic("us-customers", FaultStart, FaultEnd, SomeTraffic.Stats(status5xx: 20, region: "us-east-1"));

    // The seed with api.example.test's sets as aliases evaluating target health, with or without their health checks.
    private static Faultline.Core.Topology.Topology AliasTopology(bool healthCheck)
    {
        var seed = Some.Topology();
        var record = seed.Dns.FindRecord("api.example.test")!;
        var changed = record with
        {
            Sets = [.. record.Sets.Select(s => s with { HealthCheck = healthCheck ? s.HealthCheck : null, Alias = new AliasTarget { EvaluateTargetHealth = true } })],
        };
        return seed with { Dns = seed.Dns with { Records = [.. seed.Dns.Records.Select(r => r.Name == record.Name ? changed : r)] } };
    }
}
