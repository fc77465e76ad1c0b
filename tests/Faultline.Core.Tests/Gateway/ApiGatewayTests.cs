using System.Text;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
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

    private (ApiGateway Gateway, FaultStore Faults) Create(TimeSpan? integrationTimeout = null)
    {
        var topology = Some.Topology();
        if (integrationTimeout is { } timeout)
        {
            topology = topology with
            {
                Regions = [Some.Region("us-east-1") with { Gateway = new GatewayConfig { IntegrationTimeout = timeout } }, Some.Region("eu-west-1")],
            };
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
}
