using Faultline.Core.Diagnostics;
using Faultline.Core.Tests.Topology.Reading;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Topology.Linting;

/// <summary>The linter's rule for alias sets that rely on Evaluate Target Health alone (<see cref="LintCodes.AliasTargetHealthOnly"/>).</summary>
public sealed class TopologyLinterAliasTests
{
    [Fact]
    public void Lint_RoutedAliasEvaluatingTargetHealthWithoutHealthCheck_SaysItNeverFailsOverAndHowToFix()
    {
        var finding = Assert.Single(TopologyLinter.Lint(WithUsSet(s => s with { HealthCheck = null, Alias = new AliasTarget { EvaluateTargetHealth = true } })), f => f.Code == LintCodes.AliasTargetHealthOnly);

        Assert.Equal(LintCodes.AliasTargetHealthOnly, finding.Code);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal(
            "set 'us' (us-east-1) of api.example.test is an alias with evaluateTargetHealth and no health check: for an API Gateway target Route 53 sees only whether the API Gateway service is up in us-east-1, not your functions, so api.example.test never fails over on a Lambda outage (errors, timeouts, throttles)",
            finding.Message);
        Assert.Equal("attach healthCheck: hc-us (it probes api.us-east-1.example.test, served only by us-east-1) to the set", finding.Fix);
        Assert.Equal(("api.example.test", "us", "us-east-1"), (finding.Record, finding.SetId, finding.Region));
    }

    [Fact]
    public void Lint_NoHealthCheckProbesTheRegion_FixSaysWhatToProbe()
    {
        var topology = WithUsSet(s => s with { HealthCheck = null, Alias = new AliasTarget { EvaluateTargetHealth = true } });
        topology = topology with { HealthChecks = [.. topology.HealthChecks.Where(c => c.Id != "hc-us")] };

        var finding = Assert.Single(TopologyLinter.Lint(topology));

        Assert.Equal("attach a health check that probes us-east-1's own name through its functions (for example fqdn: api.us-east-1.example.test, path: /api/health)", finding.Fix);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Lint_AliasWithHealthCheckOrWithoutTargetHealth_NoAliasFinding(bool evaluateTargetHealth, bool keepHealthCheck)
    {
        var findings = TopologyLinter.Lint(WithUsSet(s => s with { HealthCheck = keepHealthCheck ? s.HealthCheck : null, Alias = new AliasTarget { EvaluateTargetHealth = evaluateTargetHealth } }));

        Assert.DoesNotContain(findings, f => f.Code == LintCodes.AliasTargetHealthOnly);
    }

    [Fact]
    public void Lint_FromReadResult_LocatedAtTheAlias()
    {
        var yaml = SeedTopologyYaml.With("healthCheck: hc-us }", "alias: { evaluateTargetHealth: true } }");
        var result = TopologyReader.Read(yaml, "topology.yaml");

        var finding = Assert.Single(TopologyLinter.Lint(result.ThrowIfInvalid(), result.SourceMap), f => f.Code == LintCodes.AliasTargetHealthOnly);

        Assert.StartsWith("topology.yaml:24:47: warning: set 'us' (us-east-1)", finding.ToDiagnostic().ToString(), StringComparison.Ordinal);
    }

    private static Faultline.Core.Topology.Topology WithUsSet(Func<RecordSet, RecordSet> change)
    {
        var seed = Some.Topology();
        var record = seed.Dns.FindRecord("api.example.test")!;
        var changed = record with { Sets = [change(record.Sets[0]), record.Sets[1]] };
        return seed with { Dns = seed.Dns with { Records = [.. seed.Dns.Records.Select(r => r.Name == record.Name ? changed : r)] } };
    }
}
