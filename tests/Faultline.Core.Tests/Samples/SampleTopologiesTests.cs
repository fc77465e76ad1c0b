using Faultline.Core.Functions;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Samples;

public sealed class SampleTopologiesTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "samples"), "topology.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoRoot(), file));
        }

        return data;
    }

    [Fact]
    public void SampleFiles_Found_IncludeSeedMisconfiguredAndAllFields()
    {
        var files = SampleFiles().Select(row => row.Data.Replace('\\', '/')).ToList();

        Assert.Contains("samples/seed/topology.yaml", files);
        Assert.Contains("samples/seed/misconfigured/topology.yaml", files);
        Assert.Contains("samples/all-fields/topology.yaml", files);
        Assert.Contains("samples/three-regions/topology.yaml", files);
        Assert.Contains("samples/alias-target-health/topology.yaml", files);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Load_Sample_HasNoDiagnostics(string relativePath)
    {
        var result = TopologyReader.Load(Path.Combine(RepoRoot(), relativePath));

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(result.Topology);
    }

    [Theory]
    [InlineData("name", "timeScale", "locations", "latencyMs", "regions", "gateway", "integrationTimeout", "functions", "route", "handler", "upstream")]
    [InlineData("timeout", "reservedConcurrency", "coldStart", "keepWarm", "environment", "tags", "dns", "zone", "propagationDelay", "records", "type")]
    [InlineData("routing", "ttl", "sets", "id", "region", "healthCheck", "weight", "failover", "healthChecks", "fqdn", "port")]
    [InlineData("path", "interval", "failureThreshold", "searchString", "checkers", "regions", "inverted", "disabled", "clients", "location", "url")]
    [InlineData("rate", "connectionReuse", "maxConnections", "layers", "chaosExtensionRelease", "protocol", "alias", "evaluateTargetHealth")]
    [InlineData("throttling", "rateLimit", "burstLimit", "routeThrottling", "customDomains", "basePaths")]
    public void AllFieldsSample_MentionsEveryKey(params string[] keys)
    {
        var text = File.ReadAllText(Path.Combine(RepoRoot(), "samples/all-fields/topology.yaml"));

        Assert.All(keys, key => Assert.Matches($@"(^|[\s{{,#])\s*{key}:", text));
    }

    [Fact]
    public void Load_AllFieldsSample_ReadsMaxConnections()
    {
        var topology = LoadSample("samples/all-fields/topology.yaml").ThrowIfInvalid();

        Assert.Equal(256, topology.Clients.Single(c => c.Name == "us-customers").MaxConnections);
        Assert.Null(topology.Clients.Single(c => c.Name == "eu-customers").MaxConnections);
    }

    [Fact]
    public void Load_AllFieldsSample_ReadsLayersReleaseAndLambdaUpstream()
    {
        var functions = LoadSample("samples/all-fields/topology.yaml").ThrowIfInvalid().FindRegion("us-east-1")!.Functions;

        var hello = functions.Single(f => f.Name == "hello");
        Assert.Equal(["chaos-lambda-extension"], hello.Layers);
        Assert.Equal(ChaosExtensionRelease.Tagged, hello.ChaosExtensionRelease);
        var orders = functions.Single(f => f.Name == "orders");
        Assert.Equal(UpstreamProtocol.Lambda, orders.UpstreamProtocol);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), orders.Upstream);
    }

    [Fact]
    public void Load_OwnFunctionSample_InvokesHelloOverTheLambdaProtocol()
    {
        var topology = LoadSample("samples/own-function/topology.yaml").ThrowIfInvalid();

        Assert.All(topology.AllFunctions.Where(f => f.Name == "hello"), f => Assert.Equal(UpstreamProtocol.Lambda, f.UpstreamProtocol));
    }

    [Fact]
    public void Load_AllFieldsSample_ReadsAliasSets()
    {
        var topology = LoadSample("samples/all-fields/topology.yaml").ThrowIfInvalid();

        Assert.All(topology.Dns.FindRecord("alias.example.test")!.Sets, s => Assert.True(s.Alias!.EvaluateTargetHealth));
    }

    [Fact]
    public void Load_AllFieldsSample_ReadsGatewaySettings()
    {
        var gateway = LoadSample("samples/all-fields/topology.yaml").ThrowIfInvalid().Regions.Single(r => r.Name == "us-east-1").Gateway;

        Assert.Equal(GatewayType.Rest, gateway.Type);
        Assert.Equal(1000, gateway.RouteThrottling[new RouteKey("GET", "/api/hello")].RateLimit);
        Assert.Equal(["/v1", "/v2"], gateway.CustomDomains.Single(d => d.Name == "v1.example.test").BasePaths);
    }

    [Fact]
    public void Lint_SeedSample_HasNoFindings()
    {
        var result = LoadSample("samples/seed/topology.yaml");

        Assert.Empty(TopologyLinter.Lint(result.ThrowIfInvalid(), result.SourceMap).Select(f => f.ToDiagnostic().ToString()));
    }

    [Fact]
    public void Lint_AllFieldsSample_HasNoFindings()
    {
        var result = LoadSample("samples/all-fields/topology.yaml");

        Assert.Empty(TopologyLinter.Lint(result.ThrowIfInvalid(), result.SourceMap).Select(f => f.ToDiagnostic().ToString()));
    }

    [Fact]
    public void Lint_CustomDomainMissingSample_FindsEuWest1LackingTheEntryName()
    {
        var result = LoadSample("samples/custom-domain-missing/topology.yaml");

        var finding = Assert.Single(TopologyLinter.Lint(result.ThrowIfInvalid(), result.SourceMap));

        Assert.Equal(LintCodes.CustomDomainMissing, finding.Code);
        Assert.Equal("eu-west-1", finding.Region);
        Assert.Equal("api.example.test", finding.Record);
        Assert.Equal((39, 29), (finding.Location!.Line, finding.Location.Column));
        Assert.Equal(
            "record api.example.test routes set 'eu' to eu-west-1, whose gateway has no custom domain api.example.test (it declares api.eu-west-1.example.test), so every request routed there gets 403 {\"message\":\"Forbidden\"}",
            finding.Message);
        Assert.Equal(
            "add api.example.test to regions.eu-west-1.gateway.customDomains (mapped at /), as every region of a latency, failover or weighted record needs the record's name as a custom domain",
            finding.Fix);
    }

    [Fact]
    public void Lint_MisconfiguredSample_FindsHcUsProbingOtherRegion()
    {
        var result = LoadSample("samples/seed/misconfigured/topology.yaml");

        var finding = Assert.Single(TopologyLinter.Lint(result.ThrowIfInvalid(), result.SourceMap));

        Assert.Equal(LintCodes.HealthCheckProbesOtherRegion, finding.Code);
        Assert.Equal("hc-us", finding.HealthCheck);
        Assert.Equal("us-east-1", finding.Region);
        Assert.Equal(["eu-west-1"], finding.ProbedRegions);
        Assert.Equal("33:31", $"{finding.Location?.Line}:{finding.Location?.Column}");
    }

    [Fact]
    public void Load_SeedSample_EqualsSomeTopology()
    {
        var loaded = LoadSample("samples/seed/topology.yaml").ThrowIfInvalid();
        var expected = Some.Topology();

        Assert.Equal(expected.Name, loaded.Name);
        Assert.Equal(expected.Locations, loaded.Locations);
        foreach (var from in expected.Locations)
        {
            foreach (var to in expected.Regions.Select(r => r.Name))
            {
                Assert.Equal(expected.Latency.Find(from, to), loaded.Latency.Find(from, to));
            }
        }

        Assert.Equal(expected.Regions.Select(Describe), loaded.Regions.Select(Describe));
        Assert.Equal(expected.Dns.Zone, loaded.Dns.Zone);
        Assert.Equal(expected.Dns.PropagationDelay, loaded.Dns.PropagationDelay);
        Assert.Equal(expected.Dns.Records.Select(Describe), loaded.Dns.Records.Select(Describe));
        Assert.Equal(expected.HealthChecks, loaded.HealthChecks, HealthCheckEquals);
        Assert.Equal(expected.Clients, loaded.Clients);
    }

    [Fact]
    public void Load_MisconfiguredSample_DiffersFromSeedOnlyInHcUsFqdn()
    {
        var loaded = LoadSample("samples/seed/misconfigured/topology.yaml").ThrowIfInvalid();
        var expected = Some.Topology(usHealthCheckFqdn: "api.eu-west-1.example.test");

        Assert.Equal(expected.HealthChecks, loaded.HealthChecks, HealthCheckEquals);
        Assert.Equal(expected.Dns.Records.Select(Describe), loaded.Dns.Records.Select(Describe));
    }

    private static TopologyReadResult LoadSample(string relativePath) => TopologyReader.Load(Path.Combine(RepoRoot(), relativePath));

    private static string Describe(Region region) =>
        $"{region.Name} {region.Gateway} [{string.Join("; ", region.Functions.Select(f => $"{f with { Environment = new Dictionary<string, string>(), Tags = new Dictionary<string, string>() }} env={f.Environment.Count} tags={f.Tags.Count}"))}]";

    private static string Describe(DnsRecord record) =>
        $"{record.Name} {record.Type} {record.Routing} {record.Ttl} [{string.Join("; ", record.Sets)}]";

    private static bool HealthCheckEquals(HealthCheckConfig a, HealthCheckConfig b) =>
        a with { Regions = [] } == b with { Regions = [] } && a.Regions.SequenceEqual(b.Regions);

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Faultline.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no Faultline.slnx above {AppContext.BaseDirectory}");
    }
}
