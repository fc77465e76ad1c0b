using System.Net;
using System.Net.Sockets;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Faults.Throttle;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Gateway;
using Faultline.TestUtils;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Faultline.Lab.Tests.Gateway;

public sealed class GatewayServerTests : IAsyncLifetime
{
    // The longest lease the lab accepts: no fault lapses during a test, even at time scale 20.
    private static readonly TimeSpan Lease = FaultLimits.MaximumLease;
    private static readonly IPAddress UsCustomer = IPAddress.Parse("127.0.1.100");
    private static readonly IPAddress EuCustomer = IPAddress.Parse("127.0.2.100");
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private GatewayServer? _server;
    private FaultStore? _faults;

    private GatewayServer Server => _server ?? throw new InvalidOperationException("not started");

    private FaultStore Faults => _faults ?? throw new InvalidOperationException("not started");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private async Task StartAsync(Topology? topology = null, double scale = 10, ILogger<GatewayServer>? logger = null, HttpClient? upstream = null, int port = 0, GatewayServerOptions? options = null, TimeProvider? clock = null)
    {
        topology ??= Some.Topology();
        var time = clock ?? new ScaledTimeProvider(TimeProvider.System, scale);
        _faults = new FaultStore(topology, time, new RandomSource(1));
        var handlers = upstream is null ? null : UpstreamHandler.Factory(upstream, time);
        var fleet = new FunctionFleet(topology, _faults, time, new RandomSource(2), handlers);
        _server = new GatewayServer(topology, new ApiGateway(topology, fleet, time), new NetworkPolicy(topology, _faults, new RandomSource(3)), time, options, logger);
        await _server.StartAsync(port, TestContext.Current.CancellationToken);
    }

    private static HttpClient ClientFrom(IPAddress source, TimeSpan? timeout = null) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    };

    private Uri Url(string region, string path) => new(Server.UrlOf(region), path);

    private void AddFault(FaultOptions options, FaultTarget target) =>
        Faults.Add(new FaultSpec { Options = options, Target = target }, "test", Lease);

    [Fact]
    public async Task Get_Hello_ReturnsRegionBodyAndHeaderOnEachGatewayAddress()
    {
        await StartAsync();
        using var client = ClientFrom(UsCustomer);

        using var us = await client.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken);
        using var eu = await client.GetAsync(Url("eu-west-1", "/api/hello"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, us.StatusCode);
        Assert.Equal("Hello from region us-east-1", await us.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("us-east-1", Assert.Single(us.Headers.GetValues(GatewayResponses.RegionHeader)));
        Assert.Equal("Hello from region eu-west-1", await eu.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(Server.Port, Server.UrlOf("eu-west-1").Port);
        Assert.Equal("127.0.2.1", Server.UrlOf("eu-west-1").Host);
    }

    [Fact]
    public async Task Get_UnknownRoute_Returns403MissingAuthenticationToken()
    {
        await StartAsync();
        using var client = ClientFrom(UsCustomer);

        using var response = await client.GetAsync(Url("us-east-1", "/nope"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("""{"message":"Missing Authentication Token"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_LatencyLongerThanFunctionTimeout_Returns502()
    {
        await StartAsync();
        AddFault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) }, new FaultTarget { Region = "us-east-1", Function = "hello" });
        using var client = ClientFrom(UsCustomer);

        using var response = await client.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken);
        using var other = await client.GetAsync(Url("eu-west-1", "/api/hello"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("""{"message":"Internal server error"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("us-east-1", Assert.Single(response.Headers.GetValues(GatewayResponses.RegionHeader)));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Get_SlowerThanIntegrationTimeout_Returns504()
    {
        var topology = Some.Topology() with
        {
            Regions = [Some.Region("us-east-1") with { Gateway = new GatewayConfig { IntegrationTimeout = TimeSpan.FromSeconds(2) } }, Some.Region("eu-west-1")],
        };
        await StartAsync(topology);
        AddFault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, new FaultTarget { Region = "us-east-1" });
        using var client = ClientFrom(UsCustomer);

        using var response = await client.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("""{"message":"Endpoint request timed out"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Get_Throttled_Returns500AsApiGatewayDoesWhenLambdaRejectsTheInvocation()
    {
        await StartAsync();
        AddFault(new ThrottleFaultOptions { Concurrency = 0 }, new FaultTarget { Region = "us-east-1", Function = "hello" });
        using var client = ClientFrom(UsCustomer);

        using var response = await client.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal server error"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("api.example.test", HttpStatusCode.OK)]
    [InlineData("api.eu-west-1.example.test", HttpStatusCode.Forbidden)]
    public async Task Get_CustomDomainsDeclared_TheHostHeaderDecides(string host, HttpStatusCode expected)
    {
        var topology = Some.Topology() with
        {
            Regions = [Some.Region("us-east-1") with { Gateway = new GatewayConfig { CustomDomains = [new CustomDomain { Name = "api.example.test" }] } }, Some.Region("eu-west-1")],
        };
        await StartAsync(topology);
        using var client = ClientFrom(UsCustomer);
        using var request = new HttpRequestMessage(HttpMethod.Get, Url("us-east-1", "/api/hello"));
        request.Headers.Host = $"{host}:{Server.Port}";

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_BlackholeFromEu_HoldsEuCallersUntilTheyGiveUpButServesUs()
    {
        await StartAsync();
        AddFault(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, new FaultTarget { Region = "us-east-1", FromLocations = ["eu-west-1"] });
        using var eu = ClientFrom(EuCustomer, TimeSpan.FromSeconds(1));
        using var us = ClientFrom(UsCustomer);

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => eu.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken));
        using var served = await us.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Get_Reset_AbortsTheConnection()
    {
        await StartAsync();
        AddFault(new NetworkFaultOptions { Mode = NetworkMode.Reset }, new FaultTarget { Region = "us-east-1" });
        using var client = ClientFrom(UsCustomer);

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken));

        Assert.NotNull(ex);
    }

    [Fact]
    public async Task Get_CallerLocation_AddsOneWayLatencyEachWay()
    {
        var topology = Some.Topology() with
        {
            Latency = new LatencyMatrix(
            [
                new(("us-east-1", "us-east-1"), TimeSpan.Zero),
                new(("eu-west-1", "us-east-1"), TimeSpan.FromMilliseconds(400)),
            ]),
        };
        // On the fake clock: the delays are the lab's timers, not wall time a busy machine would stretch.
        var clock = new TimerWatchingTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await StartAsync(topology, clock: clock);
        using var eu = ClientFrom(EuCustomer);
        using var us = ClientFrom(UsCustomer);
        var oneWay = TimeSpan.FromMilliseconds(400);
        var ct = TestContext.Current.CancellationToken;

        // us-east-1's own customers are answered while the lab clock stands still.
        using (var response = await us.GetAsync(Url("us-east-1", "/api/hello"), ct).WaitAsync(Deadline, ct))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, clock.Created(oneWay));

        // eu-west-1's wait 400 ms on the way in, and only once that has passed 400 ms on the way out.
        var euAnswer = eu.GetAsync(Url("us-east-1", "/api/hello"), ct);
        await Eventually.TrueAsync(() => clock.Created(oneWay) == 1, Deadline, "the request's 400 ms on its way in", ct);
        clock.Advance(oneWay - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, clock.Created(oneWay));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => clock.Created(oneWay) == 2, Deadline, "the response's 400 ms on its way out", ct);
        Assert.False(euAnswer.IsCompleted);
        clock.Advance(oneWay);
        using var answered = await euAnswer.WaitAsync(Deadline, ct);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task Dispose_BlackholedRequest_IsReleased()
    {
        var logger = new SignalingLogger(2102);
        await StartAsync(logger: logger);
        AddFault(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, new FaultTarget { Region = "us-east-1" });
        using var client = ClientFrom(UsCustomer, TimeSpan.FromMinutes(5));

        var pending = client.GetAsync(Url("us-east-1", "/api/hello"), TestContext.Current.CancellationToken);
        await logger.Signaled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.False(pending.IsCompleted);
        await Server.DisposeAsync();
        _server = null;

        await Assert.ThrowsAsync<HttpRequestException>(() => pending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartAsync_FixedPortTakenOnOneGatewayAddress_Throws()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Parse("127.0.2.1"), 0));
        squatter.Listen();
        var port = ((IPEndPoint)squatter.LocalEndPoint!).Port;

        await Assert.ThrowsAsync<IOException>(() => StartAsync(port: port));
    }

    [Fact]
    public async Task Get_UpstreamFunction_ForwardsToUsersService()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var upstreamApp = builder.Build();
        upstreamApp.Run(context =>
        {
            context.Response.Headers["X-Upstream"] = "1";
            return context.Response.WriteAsync($"upstream saw {context.Request.Path}{context.Request.QueryString}", context.RequestAborted);
        });
        await upstreamApp.StartAsync(TestContext.Current.CancellationToken);
        var upstreamUrl = new Uri(upstreamApp.Urls.First());
        var topology = Some.Topology() with
        {
            Regions =
            [
                Some.Region("us-east-1") with
                {
                    Functions = [new FunctionConfig { Name = "api", Region = "us-east-1", Route = new RouteKey("GET", "/api/hello"), Upstream = upstreamUrl }],
                },
                Some.Region("eu-west-1"),
            ],
        };
        using var upstreamClient = new HttpClient();
        await StartAsync(topology, scale: 1, upstream: upstreamClient);
        using var client = ClientFrom(UsCustomer);

        using var response = await client.GetAsync(Url("us-east-1", "/api/hello?x=1"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("upstream saw /api/hello?x=1", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-Upstream")));
        Assert.Equal("us-east-1", Assert.Single(response.Headers.GetValues(GatewayResponses.RegionHeader)));
        await upstreamApp.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Get_LambdaProtocolUpstream_PostsTheProxyEventAndMapsResultsErrorsAndFaults()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        await using var emulator = builder.Build();
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        emulator.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var invocation = await reader.ReadToEndAsync(context.RequestAborted);
            seen.Enqueue($"{context.Request.Method} {context.Request.Path}");
            using var e = System.Text.Json.JsonDocument.Parse(invocation);
            var path = e.RootElement.GetProperty("path").GetString();

            // As RIE answers: a proxy result, or 200 with the runtime's error document for an unhandled error.
            await context.Response.WriteAsync(
                path == "/api/fail"
                    ? """{"errorType":"Error","errorMessage":"boom"}"""
                    : $$"""{"statusCode":201,"headers":{"X-Own":"1"},"body":"own code saw {{e.RootElement.GetProperty("httpMethod").GetString()}} {{path}}"}""",
                context.RequestAborted);
        });
        await emulator.StartAsync(TestContext.Current.CancellationToken);
        var url = new Uri(emulator.Urls.First());
        // At scale 1 the default 3 s leave the first call room to connect; 1 s bounds the faulted one.
        FunctionConfig Own(string name, string path, int timeoutSeconds = 3) => new() { Name = name, Region = "us-east-1", Route = new RouteKey("GET", path), Upstream = url, UpstreamProtocol = UpstreamProtocol.Lambda, Timeout = TimeSpan.FromSeconds(timeoutSeconds) };
        var topology = Some.Topology() with
        {
            Regions = [Some.Region("us-east-1") with { Functions = [Own("own", "/api/own"), Own("fail", "/api/fail"), Own("slow", "/api/slow", 1)] }, Some.Region("eu-west-1")],
        };
        using var upstreamClient = new HttpClient();
        await StartAsync(topology, scale: 1, upstream: upstreamClient);
        AddFault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) }, new FaultTarget { Region = "us-east-1", Function = "slow" });
        using var client = ClientFrom(UsCustomer);

        using var own = await client.GetAsync(Url("us-east-1", "/api/own"), TestContext.Current.CancellationToken);
        using var fail = await client.GetAsync(Url("us-east-1", "/api/fail"), TestContext.Current.CancellationToken);
        using var slow = await client.GetAsync(Url("us-east-1", "/api/slow"), TestContext.Current.CancellationToken);

        Assert.True(own.StatusCode == HttpStatusCode.Created, await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("own code saw GET /api/own", await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("1", Assert.Single(own.Headers.GetValues("X-Own")));
        Assert.Equal(HttpStatusCode.BadGateway, fail.StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, slow.StatusCode);
        Assert.Equal(["POST /2015-03-31/functions/function/invocations", "POST /2015-03-31/functions/function/invocations"], seen);
        await emulator.StopAsync(TestContext.Current.CancellationToken);
    }

    private sealed class SignalingLogger(int eventId) : ILogger<GatewayServer>
    {
        private readonly TaskCompletionSource _signaled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Signaled => _signaled.Task;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (id.Id == eventId)
            {
                _signaled.TrySetResult();
            }
        }
    }

    [Fact]
    public async Task MaxConnections_MoreConnectionsThanTheLimit_OnlyTheLimitServed()
    {
        await StartAsync(options: new GatewayServerOptions { MaxConnections = 4 });
        var ct = TestContext.Current.CancellationToken;
        var sockets = new List<Socket>();
        try
        {
            // All six are open before any request, so the gateway holds four and closes the other two.
            for (var i = 0; i < 6; i++)
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                sockets.Add(socket);
                socket.Bind(new IPEndPoint(UsCustomer, 0));
                await socket.ConnectAsync(new IPEndPoint(IPAddress.Parse("127.0.1.1"), Server.Port), ct);
            }

            var answers = await Task.WhenAll(sockets.Select(s => StatusLineAsync(s, ct)));

            Assert.Equal(4, answers.Count(a => a.StartsWith("HTTP/1.1 200", StringComparison.Ordinal)));
            Assert.Equal(2, answers.Count(a => a.Length == 0));
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    // Sends one request and returns the answer's first line, or "" when the gateway closed the connection instead.
    private static async Task<string> StatusLineAsync(Socket socket, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync("GET /api/hello HTTP/1.1\r\nHost: api.example.test\r\n\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[256];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await socket.ReceiveAsync(buffer.AsMemory(read), cancellationToken);
                if (n == 0)
                {
                    break;
                }

                read += n;
                var text = System.Text.Encoding.ASCII.GetString(buffer, 0, read);
                if (text.Contains("\r\n", StringComparison.Ordinal))
                {
                    return text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
                }
            }

            return System.Text.Encoding.ASCII.GetString(buffer, 0, read);
        }
        catch (SocketException)
        {
            return string.Empty;
        }
    }
}
