using System.Net;
using System.Net.Sockets;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Network;
using Faultline.Core.Topology;
using Faultline.Lab.Load;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Lab.Tests.Load;

public sealed class LoadPopulationTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private TestLab? _lab;

    private TestLab Lab => _lab ?? throw new InvalidOperationException("not started");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }
    }

    private static Task UntilAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(condition, Deadline, what, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData("Hello from region eu-west-1", "eu-west-1")]
    [InlineData("{\"message\":\"Hello from region us-east-1\"}", "us-east-1")]
    [InlineData("Region us-east-1 is healthy", null)]
    [InlineData("Hello from region ", null)]
    public void RegionFromBody_SeedBody_ReadsTheRegion(string body, string? expected) =>
        Assert.Equal(expected, LoadPopulation.RegionFromBody(body));

    [Fact]
    public async Task RequestUri_HttpsWithoutPort_PlainHttpOnTheGatewayPort()
    {
        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 1), TestLab.Client("eu-west-1", 1, url: "https://api.example.test:8443/api/hello?x=1")), 10, startLoad: false);

        Assert.Equal(new Uri($"http://api.example.test:{Lab.Gateway.Port}/api/hello"), Lab.Load["us-customers"].RequestUri);
        Assert.Equal(new Uri("http://api.example.test:8443/api/hello?x=1"), Lab.Load["eu-customers"].RequestUri);
        Assert.Equal(IPAddress.Parse("127.0.1.100"), Lab.Load["us-customers"].SourceAddress);
        Assert.Equal(IPAddress.Parse("127.0.2.100"), Lab.Load["eu-customers"].SourceAddress);
    }

    [Theory]
    [InlineData(ConnectionReuse.KeepAlive)]
    [InlineData(ConnectionReuse.PerRequest)]
    public async Task ConnectionsOpened_ByReuseMode_OnePerRequestOrFew(ConnectionReuse reuse)
    {
        // At time scale 1 requests are 50 ms apart on the wall clock too, so a busy machine does not pile them up.
        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20, reuse)), 1);
        var population = Lab.Load["us-customers"];
        await UntilAsync(() => Lab.Total("us-customers").Status2xx >= 40, "40 answers");
        await Lab.Load.StopAsync(TestContext.Current.CancellationToken);

        var total = Lab.Total("us-customers");
        Assert.Equal(total.Sent, total.Status2xx);
        if (reuse == ConnectionReuse.PerRequest)
        {
            Assert.Equal(total.Sent, population.ConnectionsOpened);
        }
        else
        {
            // Requests 50 ms apart (lab) that take ~16 ms: one connection serves nearly all of them.
            Assert.InRange(population.ConnectionsOpened, 1, total.Sent / 4);
        }
    }

    [Fact]
    public async Task Send_HostNotInZone_CountedAsDnsError()
    {
        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20, url: "https://nope.example.test/api/hello")), 20);

        await UntilAsync(() => Lab.Total("us-customers").DnsErrors >= 5, "5 DNS errors");

        Assert.Equal(0, Lab.Total("us-customers").Responses);
        Assert.Empty(Lab.Load["us-customers"].CurrentAnswer);
    }

    [Fact]
    public async Task Send_NothingListening_CountedAsConnectError()
    {
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Parse("127.0.1.1"), 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20, url: $"https://api.example.test:{port}/api/hello")), 20);

        await UntilAsync(() => Lab.Total("us-customers").ConnectErrors >= 5, "5 connect errors");

        Assert.Equal(0, Lab.Total("us-customers").Responses);
        Assert.Equal(0, Lab.Load["us-customers"].ConnectionsOpened);
    }

    [Fact]
    public async Task Send_ConnectionReset_CountedAsOtherError()
    {
        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20, ConnectionReuse.PerRequest)), 20);
        Lab.AddFault(new NetworkFaultOptions { Mode = NetworkMode.Reset }, new FaultTarget { Region = "us-east-1" });

        await UntilAsync(() => Lab.Total("us-customers").OtherErrors >= 5, "5 resets");
    }

    [Fact]
    public async Task Send_StalledLongerThanTheTimeout_CountedAsTimeoutWithItsLatency()
    {
        _lab = await TestLab.StartAsync(
            TestLab.WithClients(TestLab.Client("us-east-1", 5)), 20, new LoadGeneratorOptions { RequestTimeout = TimeSpan.FromSeconds(3) });
        Lab.AddFault(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, new FaultTarget { Region = "us-east-1" });

        await UntilAsync(() => Lab.Total("us-customers").Timeouts >= 5, "5 timeouts");

        // The timeout (plus at most a slot, 3 s / 64, plus any send lag) from the intended send, far below the default
        // 30 s; the lower edge allows the runtime's coarse timer clock on Linux (a 4 ms jiffy of wall time is 80 ms of
        // lab time at 20×) and the histogram's 1%.
        Assert.InRange(Lab.Total("us-customers").Latency(50), TimeSpan.FromSeconds(2.85), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task MaxInFlight_Default_SizedForTheRateAndTimeout()
    {
        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20), TestLab.Client("eu-west-1", 100_000)), 10, startLoad: false);

        Assert.Equal(782, Lab.Load["us-customers"].MaxInFlight);
        Assert.Equal(LoadGeneratorOptions.MaxAutoInFlight, Lab.Load["eu-customers"].MaxInFlight);
    }

    [Fact]
    public async Task MaxConnections_StalledServer_NeverExceeded()
    {
        // A blackholed gateway never answers: without a bound every send opens another connection.
        var client = TestLab.Client("us-east-1", 200) with { MaxConnections = 8 };

        // Stopping waits for in-flight requests up to the stop timeout, on the lab clock (here the wall clock): the
        // blackholed ones never answer, so the default 10 s would be 10 s of this test spent waiting at its end.
        _lab = await TestLab.StartAsync(TestLab.WithClients(client), 1, new LoadGeneratorOptions { StopTimeout = TimeSpan.FromMilliseconds(200) });
        Lab.AddFault(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, new FaultTarget { Region = "us-east-1" });
        var population = Lab.Load["us-customers"];

        await UntilAsync(() => population.InFlight >= 60 && population.ConnectionsOpened >= 8, "60 requests in flight on 8 connections");

        Assert.Equal(8, population.MaxConnections);
        Assert.Equal(8, population.ConnectionsOpened);
    }

    [Fact]
    public async Task MaxConnections_Default_SizedForTheRateAndCapped()
    {
        _lab = await TestLab.StartAsync(
            TestLab.WithClients(TestLab.Client("us-east-1", 20), TestLab.Client("eu-west-1", 100_000), TestLab.Client("ap-southeast-1", 20) with { Name = "ap-customers", Location = "eu-west-1", MaxConnections = 3 }),
            10,
            startLoad: false);

        Assert.Equal(782, Lab.Load["us-customers"].MaxConnections);
        Assert.Equal(LoadConnections.AutoCap, Lab.Load["eu-customers"].MaxConnections);
        Assert.Equal(3, Lab.Load["ap-customers"].MaxConnections);
    }
}
