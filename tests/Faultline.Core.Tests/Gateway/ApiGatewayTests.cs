using System.Text;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Error;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Throttle;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Gateway;

public sealed class ApiGatewayTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();

    private (ApiGateway Gateway, FaultStore Faults) Create(TimeSpan? integrationTimeout = null) =>
        Create(integrationTimeout is { } timeout ? new GatewayConfig { IntegrationTimeout = timeout } : null);

    private (ApiGateway Gateway, FaultStore Faults) Create(GatewayConfig? usGateway)
    {
        var topology = Some.Topology();
        if (usGateway is not null)
        {
            topology = topology with { Regions = [Some.Region("us-east-1") with { Gateway = usGateway }, Some.Region("eu-west-1")] };
        }

        var faults = new FaultStore(topology, _time, new RandomSource(1));
        var fleet = new FunctionFleet(topology, faults, _time, new RandomSource(2));
        return (new ApiGateway(topology, fleet, _time), faults);
    }

    private static FunctionRequest Get(string path) => new() { Method = "GET", Path = path };

    [Fact]
    public async Task HandleAsync_Hello_Returns200FromRegion()
    {
        var (gateway, _) = Create();

        var response = await gateway.HandleAsync("eu-west-1", Get("/api/hello"), TestContext.Current.CancellationToken);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("Hello from region eu-west-1", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal("eu-west-1", response.Header(GatewayResponses.RegionHeader));
    }

    [Fact]
    public async Task HandleAsync_TheSameAnswerAgain_TheSameResponseUntilTheAnswerChanges()
    {
        var (gateway, faults) = Create();

        var first = await gateway.HandleAsync("us-east-1", Get("/api/hello"), TestContext.Current.CancellationToken);
        var again = await gateway.HandleAsync("us-east-1", Get("/api/hello"), TestContext.Current.CancellationToken);
        faults.Add(new FaultSpec { Options = new HttpResponseFaultOptions { StatusCode = 418, Body = "teapot" }, Target = new FaultTarget { Region = "us-east-1", Function = "hello" } }, "test", TimeSpan.FromHours(1));
        var replaced = await gateway.HandleAsync("us-east-1", Get("/api/hello"), TestContext.Current.CancellationToken);
        var eu = await gateway.HandleAsync("eu-west-1", Get("/api/hello"), TestContext.Current.CancellationToken);

        Assert.Same(first, again);
        Assert.Equal(418, replaced.StatusCode);
        Assert.Equal("us-east-1", replaced.Header(GatewayResponses.RegionHeader));
        Assert.Equal("eu-west-1", eu.Header(GatewayResponses.RegionHeader));
        Assert.Equal("Hello from region eu-west-1", Encoding.UTF8.GetString(eu.Body.Span));
    }

    [Theory]
    [InlineData("GET", "/api/missing")]
    [InlineData("POST", "/api/hello")]
    public async Task HandleAsync_UnknownRoute_Returns403(string method, string path)
    {
        var (gateway, _) = Create();

        var response = await gateway.HandleAsync("us-east-1", new FunctionRequest { Method = method, Path = path }, TestContext.Current.CancellationToken);

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_FunctionSlowerThanIntegrationTimeout_Returns504()
    {
        var (gateway, faults) = Create(TimeSpan.FromSeconds(1));
        faults.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "us-east-1" } }, "test", TimeSpan.FromHours(1));

        var pending = gateway.HandleAsync("us-east-1", Get("/api/hello"), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(1));
        var response = await pending.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(504, response.StatusCode);
    }

    [Fact]
    public async Task HandleAsync_LatencyBeyondFunctionTimeout_Returns502()
    {
        var (gateway, faults) = Create();
        faults.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) }, Target = new FaultTarget { Region = "us-east-1" } }, "test", TimeSpan.FromHours(1));

        var pending = gateway.HandleAsync("us-east-1", Get("/api/hello"), TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(10));
        var response = await pending.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(502, response.StatusCode);
    }

    private static FunctionRequest Get(string path, string host) => new()
    {
        Method = "GET",
        Path = path,
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = host },
    };

    private static string Body(GatewayResponse response) => Encoding.UTF8.GetString(response.Body.Span);

    private static Task<GatewayResponse> HandleAsync(ApiGateway gateway, FunctionRequest request) =>
        gateway.HandleAsync("us-east-1", request, TestContext.Current.CancellationToken);

    [Fact]
    public async Task HandleAsync_LambdaThrottles_Returns500InternalServerError()
    {
        var (gateway, faults) = Create();
        faults.Add(new FaultSpec { Options = new ThrottleFaultOptions { Concurrency = 0 }, Target = new FaultTarget { Region = "us-east-1" } }, "test", TimeSpan.FromHours(1));

        var response = await HandleAsync(gateway, Get("/api/hello"));

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("""{"message":"Internal server error"}""", Body(response));
    }

    [Fact]
    public async Task HandleAsync_StageBurstSpent_Returns429UntilTheBucketRefills()
    {
        var (gateway, _) = Create(new GatewayConfig { Throttling = new ThrottleSettings { RateLimit = 1, BurstLimit = 2 } });

        var first = await HandleAsync(gateway, Get("/api/hello"));
        var second = await HandleAsync(gateway, Get("/api/health"));
        var third = await HandleAsync(gateway, Get("/api/hello"));
        _time.Advance(TimeSpan.FromSeconds(1));
        var refilled = await HandleAsync(gateway, Get("/api/hello"));

        Assert.Equal([200, 200, 429, 200], [first.StatusCode, second.StatusCode, third.StatusCode, refilled.StatusCode]);
        Assert.Equal("""{"message":"Too Many Requests"}""", Body(third));
        Assert.Equal("us-east-1", third.Header(GatewayResponses.RegionHeader));
    }

    [Fact]
    public async Task HandleAsync_RouteBurstSpent_ThrottlesOnlyThatRoute()
    {
        var (gateway, _) = Create(new GatewayConfig
        {
            RouteThrottling = new Dictionary<RouteKey, ThrottleSettings> { [new RouteKey("GET", "/api/hello")] = new() { RateLimit = 0, BurstLimit = 1 } },
        });

        var first = await HandleAsync(gateway, Get("/api/hello"));
        var second = await HandleAsync(gateway, Get("/api/hello"));
        var other = await HandleAsync(gateway, Get("/api/health"));

        Assert.Equal([200, 429, 200], [first.StatusCode, second.StatusCode, other.StatusCode]);
    }

    [Fact]
    public async Task HandleAsync_HttpApi_UnknownRouteIs404NotFound()
    {
        var (gateway, _) = Create(new GatewayConfig { Type = GatewayType.Http });

        var response = await HandleAsync(gateway, Get("/api/missing"));

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", Body(response));
    }

    [Fact]
    public async Task HandleAsync_HttpApi_FunctionErrorIs500InternalServerError()
    {
        var (gateway, faults) = Create(new GatewayConfig { Type = GatewayType.Http });
        faults.Add(new FaultSpec { Options = new ErrorFaultOptions(), Target = new FaultTarget { Region = "us-east-1" } }, "test", TimeSpan.FromHours(1));

        var response = await HandleAsync(gateway, Get("/api/hello"));

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", Body(response));
    }

    [Fact]
    public async Task HandleAsync_HttpApi_IntegrationTimeoutIs503ServiceUnavailable()
    {
        var (gateway, faults) = Create(new GatewayConfig { Type = GatewayType.Http, IntegrationTimeout = TimeSpan.FromSeconds(1) });
        faults.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "us-east-1" } }, "test", TimeSpan.FromHours(1));

        var pending = HandleAsync(gateway, Get("/api/hello"));
        _time.Advance(TimeSpan.FromSeconds(1));
        var response = await pending.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(503, response.StatusCode);
        Assert.Equal("""{"message":"Service Unavailable"}""", Body(response));
    }

    [Theory]
    [InlineData("api.example.test", "/api/hello", 200)]
    [InlineData("API.Example.Test.:8443", "/api/hello", 200)]
    [InlineData("api.eu-west-1.example.test", "/api/hello", 403)]
    [InlineData("127.0.1.1:8080", "/api/hello", 403)]
    [InlineData("v.example.test", "/v1/api/hello", 200)]
    [InlineData("v.example.test", "/v1", 403)]
    [InlineData("v.example.test", "/api/hello", 403)]
    [InlineData("v.example.test", "/v10/api/hello", 403)]
    public async Task HandleAsync_CustomDomains_AnswerOnlyTheirNamesAndMappings(string host, string path, int status)
    {
        var (gateway, _) = Create(new GatewayConfig
        {
            CustomDomains = [new CustomDomain { Name = "api.example.test" }, new CustomDomain { Name = "v.example.test", BasePaths = ["/v1"] }],
        });

        var response = await HandleAsync(gateway, Get(path, host));

        Assert.Equal(status, response.StatusCode);
        if (status == 403 && path != "/v1")
        {
            Assert.Equal("""{"message":"Forbidden"}""", Body(response));
        }
    }

    [Fact]
    public async Task HandleAsync_NoCustomDomainsDeclared_AnswersAnyHost()
    {
        var (gateway, _) = Create();

        var response = await HandleAsync(gateway, Get("/api/hello", "anything.invalid"));

        Assert.Equal(200, response.StatusCode);
    }
}
