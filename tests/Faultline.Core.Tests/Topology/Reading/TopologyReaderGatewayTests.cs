using Faultline.Core.Topology;
using Faultline.Core.Topology.Reading;
using Xunit;

namespace Faultline.Core.Tests.Topology.Reading;

public sealed class TopologyReaderGatewayTests
{
    private const string File = "topology.yaml";

    private static string WithUsGateway(string gateway) =>
        SeedTopologyYaml.With("  us-east-1:\n    functions:", $"  us-east-1:\n    gateway: {gateway}\n    functions:");

    private static List<string> Render(TopologyReadResult result) => [.. result.Diagnostics.Select(d => d.ToString())];

    [Fact]
    public void Read_NoGateway_IsRestWithAccountThrottlingAndNoCustomDomains()
    {
        var gateway = TopologyReader.Read(SeedTopologyYaml.Text, File).ThrowIfInvalid().Regions[0].Gateway;

        Assert.Equal(GatewayType.Rest, gateway.Type);
        Assert.Equal(TimeSpan.FromSeconds(29), gateway.IntegrationTimeout);
        Assert.Equal(10_000, gateway.Throttling.RateLimit);
        Assert.Equal(5_000, gateway.Throttling.BurstLimit);
        Assert.Empty(gateway.RouteThrottling);
        Assert.Empty(gateway.CustomDomains);
    }

    [Fact]
    public void Read_HttpGateway_DefaultsIntegrationTimeoutTo30s()
    {
        var gateway = TopologyReader.Read(WithUsGateway("{ type: http }"), File).ThrowIfInvalid().Regions[0].Gateway;

        Assert.Equal(GatewayType.Http, gateway.Type);
        Assert.Equal(TimeSpan.FromSeconds(30), gateway.IntegrationTimeout);
    }

    [Fact]
    public void Read_HttpGatewayIntegrationTimeoutAbove30s_ReportedWhereWritten()
    {
        Assert.Equal(
            ["topology.yaml:8:48: gateway of region 'us-east-1' has integrationTimeout 31s, which is outside 50ms–30s, the limits of type: http; set integrationTimeout between 50ms and 30s (HTTP APIs cannot wait longer), or use type: rest, which allows up to 300s"],
            Render(TopologyReader.Read(WithUsGateway("{ type: http, integrationTimeout: 31s }"), File)));
    }

    [Fact]
    public void Read_RestGatewayIntegrationTimeout31s_IsValid()
    {
        var gateway = TopologyReader.Read(WithUsGateway("{ type: rest, integrationTimeout: 31s }"), File).ThrowIfInvalid().Regions[0].Gateway;

        Assert.Equal(TimeSpan.FromSeconds(31), gateway.IntegrationTimeout);
    }

    [Fact]
    public void Read_UnknownGatewayType_Reported()
    {
        var diagnostic = Assert.Single(Render(TopologyReader.Read(WithUsGateway("{ type: websocket }"), File)));

        Assert.StartsWith("topology.yaml:8:22:", diagnostic, StringComparison.Ordinal);
        Assert.Contains("http", diagnostic, StringComparison.Ordinal);
        Assert.Contains("rest", diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Throttling_ReadsStageAndRoute()
    {
        var gateway = TopologyReader.Read(
            WithUsGateway("{ throttling: { rateLimit: 50, burstLimit: 10 }, routeThrottling: { GET /api/hello: { rateLimit: 5.5, burstLimit: 2 } } }"),
            File).ThrowIfInvalid().Regions[0].Gateway;

        Assert.Equal(50, gateway.Throttling.RateLimit);
        Assert.Equal(10, gateway.Throttling.BurstLimit);
        var route = Assert.Single(gateway.RouteThrottling);
        Assert.Equal(new RouteKey("GET", "/api/hello"), route.Key);
        Assert.Equal(5.5, route.Value.RateLimit);
        Assert.Equal(2, route.Value.BurstLimit);
    }

    [Fact]
    public void Read_ThrottledRouteNoFunctionHas_ReportedWithTheRoutes()
    {
        Assert.Equal(
            ["topology.yaml:8:35: gateway of region 'us-east-1' throttles route 'GET /api/hullo', which no function of the region has; did you mean 'GET /api/hello'? routes of the region: GET /api/health, GET /api/hello"],
            Render(TopologyReader.Read(WithUsGateway("{ routeThrottling: { GET /api/hullo: { rateLimit: 1 } } }"), File)));
    }

    [Fact]
    public void Read_NegativeBurst_Reported()
    {
        var diagnostic = Assert.Single(Render(TopologyReader.Read(WithUsGateway("{ throttling: { burstLimit: -1 } }"), File)));

        Assert.Equal("topology.yaml:8:42: throttling of region 'us-east-1' has burstLimit -1, which is outside 0–1,000,000; set burstLimit between 0 and 1,000,000 (the lab's limits)", diagnostic);
    }

    [Fact]
    public void Read_CustomDomains_NamesAndMappings()
    {
        var gateway = TopologyReader.Read(
            WithUsGateway("{ customDomains: [API.example.test., { name: v.example.test, basePaths: [/v1/, /orders/v2] }] }"),
            File).ThrowIfInvalid().Regions[0].Gateway;

        Assert.Equal(["api.example.test", "v.example.test"], gateway.CustomDomains.Select(d => d.Name));
        Assert.Equal(["/"], gateway.CustomDomains[0].BasePaths);
        Assert.Equal(["/v1", "/orders/v2"], gateway.CustomDomains[1].BasePaths);
    }

    [Fact]
    public void Read_BadBasePath_ReportedWhereWritten()
    {
        Assert.Equal(
            ["topology.yaml:8:70: custom domain of region 'us-east-1' has base path 'v1', which is not / nor /segment; write / to map the whole domain (AWS's \"(none)\"), or a path such as /v1 or /orders/v2"],
            Render(TopologyReader.Read(WithUsGateway("{ customDomains: [{ name: api.example.test, basePaths: [v1] }] }"), File)));
    }

    [Fact]
    public void Read_DuplicateCustomDomain_Reported()
    {
        var diagnostic = Assert.Single(Render(TopologyReader.Read(WithUsGateway("{ customDomains: [api.example.test, API.example.test] }"), File)));

        Assert.Contains("custom domain 'api.example.test' of region 'us-east-1' is defined twice", diagnostic, StringComparison.Ordinal);
    }
}
