using Faultline.Core.Diagnostics;
using Faultline.Core.Tests.Topology.Reading;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Topology.Linting;

public sealed class TopologyLinterTests
{
    [Fact]
    public void Lint_Seed_NoFindings()
    {
        Assert.Empty(TopologyLinter.Lint(Some.Topology()));
    }

    [Fact]
    public void Lint_UsCheckProbingEuDomain_FindsProbesOtherRegionWithIdsAndFix()
    {
        var finding = Assert.Single(TopologyLinter.Lint(Some.Topology(usHealthCheckFqdn: "api.eu-west-1.example.test")));

        Assert.Equal(LintCodes.HealthCheckProbesOtherRegion, finding.Code);
        Assert.Equal(DiagnosticSeverity.Warning, finding.Severity);
        Assert.Equal("hc-us guards set 'us' (us-east-1) of api.example.test but probes api.eu-west-1.example.test, which is served by eu-west-1", finding.Message);
        Assert.Equal("set fqdn to a name served only by us-east-1, such as api.us-east-1.example.test", finding.Fix);
        Assert.Equal("hc-us", finding.HealthCheck);
        Assert.Equal("api.example.test", finding.Record);
        Assert.Equal("us", finding.SetId);
        Assert.Equal("us-east-1", finding.Region);
        Assert.Equal(["eu-west-1"], finding.ProbedRegions);
        Assert.Null(finding.Location);
    }

    [Fact]
    public void Lint_FromReadResult_FindingCarriesLocationAndRendersAsWarning()
    {
        var result = TopologyReader.Read(SeedTopologyYaml.With("fqdn: api.us-east-1.example.test", "fqdn: api.eu-west-1.example.test"), "topology.yaml");

        var finding = Assert.Single(TopologyLinter.Lint(result.ThrowIfInvalid(), result.SourceMap));

        Assert.Equal(
            "topology.yaml:27:31: warning: hc-us guards set 'us' (us-east-1) of api.example.test but probes api.eu-west-1.example.test, which is served by eu-west-1 [health-check-probes-other-region]; set fqdn to a name served only by us-east-1, such as api.us-east-1.example.test",
            finding.ToDiagnostic().ToString());
    }

    [Fact]
    public void Lint_CheckProbingLatencyRecordFromEveryLocation_FindsOwnRecord()
    {
        var finding = Assert.Single(TopologyLinter.Lint(Some.Topology(usHealthCheckFqdn: "api.example.test")));

        Assert.Equal(LintCodes.HealthCheckProbesOwnRecord, finding.Code);
        Assert.Equal("hc-us", finding.HealthCheck);
        Assert.Equal(["us-east-1", "eu-west-1"], finding.ProbedRegions);
        Assert.Contains("unpredictable", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_CheckProbingAnotherRoutedRecord_UsesCheckerLocations()
    {
        var seed = Some.Topology();
        var other = seed.Dns.Records[2] with { Name = "www.example.test", Sets = [.. seed.Dns.Records[2].Sets.Select(s => s with { HealthCheck = null })] };
        var topology = seed with
        {
            Dns = seed.Dns with { Records = [.. seed.Dns.Records, other] },
            HealthChecks =
            [
                seed.HealthChecks[0] with { Fqdn = "www.example.test", Regions = ["us-east-1"] },
                seed.HealthChecks[1] with { Fqdn = "www.example.test", Regions = ["us-east-1"] },
            ],
        };

        var finding = Assert.Single(TopologyLinter.Lint(topology));

        // From us-east-1 checkers www.example.test answers us-east-1: fine for hc-us, wrong for hc-eu.
        Assert.Equal(LintCodes.HealthCheckProbesOtherRegion, finding.Code);
        Assert.Equal("hc-eu", finding.HealthCheck);
        Assert.Equal(["us-east-1"], finding.ProbedRegions);
    }

    [Fact]
    public void Lint_NoSimpleRecordForRegion_FixSuggestsAddingOne()
    {
        var seed = Some.Topology(usHealthCheckFqdn: "api.eu-west-1.example.test");
        var topology = seed with { Dns = seed.Dns with { Records = [.. seed.Dns.Records.Skip(1)] } };

        var finding = Assert.Single(TopologyLinter.Lint(topology));

        Assert.Equal("set fqdn to a name served only by us-east-1 (add a simple record such as api.us-east-1.example.test with region: us-east-1)", finding.Fix);
    }

    [Fact]
    public void Lint_PathNotRouted_FindsUnroutedWithSuggestion()
    {
        var seed = Some.Topology();
        var topology = seed with { HealthChecks = [seed.HealthChecks[0] with { Path = "/healthz" }, seed.HealthChecks[1]] };

        var finding = Assert.Single(TopologyLinter.Lint(topology));

        Assert.Equal(LintCodes.HealthCheckPathUnrouted, finding.Code);
        Assert.Equal("hc-us probes path /healthz, which no function in us-east-1 routes (routes: GET /api/health, GET /api/hello)", finding.Message);
        Assert.Equal("set path to a routed path, such as /api/health", finding.Fix);
        Assert.Equal("us-east-1", finding.Region);
    }

    [Fact]
    public void Lint_TcpCheckWithUnroutedPath_NoFinding()
    {
        var seed = Some.Topology();
        var topology = seed with { HealthChecks = [seed.HealthChecks[0] with { Path = "/", Type = HealthCheckType.Tcp }, seed.HealthChecks[1]] };

        Assert.Empty(TopologyLinter.Lint(topology));
    }

    [Fact]
    public void Lint_TtlAbove60sWithHealthCheck_Finds()
    {
        var seed = Some.Topology();
        var records = seed.Dns.Records.ToList();
        records[2] = records[2] with { Ttl = TimeSpan.FromMinutes(5) };
        records[0] = records[0] with { Ttl = TimeSpan.FromMinutes(5) };
        var topology = seed with { Dns = seed.Dns with { Records = records } };

        var finding = Assert.Single(TopologyLinter.Lint(topology));

        Assert.Equal(LintCodes.TtlAbove60sWithHealthCheck, finding.Code);
        Assert.Equal("record api.example.test has TTL 5m and health-checked sets; AWS recommends 60s or less", finding.Message);
        Assert.Equal("api.example.test", finding.Record);
    }

    [Fact]
    public void Lint_UnusedHealthCheck_Finds()
    {
        var seed = Some.Topology();
        var topology = seed with { HealthChecks = [.. seed.HealthChecks, seed.HealthChecks[0] with { Id = "hc-spare" }] };

        var finding = Assert.Single(TopologyLinter.Lint(topology));

        Assert.Equal(LintCodes.HealthCheckUnused, finding.Code);
        Assert.Equal("health check 'hc-spare' is attached to no record set, so it changes no DNS answer", finding.Message);
        Assert.Equal("attach it with healthCheck: hc-spare on a set, or remove it", finding.Fix);
    }

    [Theory]
    [InlineData(RoutingPolicy.Failover, new[] { "us-east-1" })]
    [InlineData(RoutingPolicy.Weighted, new[] { "eu-west-1" })]
    [InlineData(RoutingPolicy.Latency, new[] { "us-east-1", "eu-west-1" })]
    public void ServedRegions_ByRouting_AnswersWithEverySetHealthy(RoutingPolicy routing, string[] expected)
    {
        var seed = Some.Topology();
        var record = new DnsRecord
        {
            Name = "www.example.test",
            Routing = routing,
            Sets =
            [
                new RecordSet { Id = "a", Region = "us-east-1", Failover = FailoverRole.Primary, Weight = 0 },
                new RecordSet { Id = "b", Region = "eu-west-1", Failover = FailoverRole.Secondary, Weight = 5 },
            ],
        };
        var topology = seed with { Dns = seed.Dns with { Records = [.. seed.Dns.Records, record] } };

        Assert.Equal(expected, TopologyLinter.ServedRegions(topology, "WWW.example.test.", topology.Locations));
    }

    [Fact]
    public void ServedRegions_UnknownName_Empty()
    {
        Assert.Empty(TopologyLinter.ServedRegions(Some.Topology(), "nope.example.test", ["us-east-1"]));
    }
}
