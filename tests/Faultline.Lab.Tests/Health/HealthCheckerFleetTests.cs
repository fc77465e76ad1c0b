using System.Net;
using System.Net.Sockets;
using Faultline.Core.Addressing;
using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Health;
using Faultline.Lab.Host;
using Faultline.Lab.Tests.Dns;
using Faultline.Lab.Tests.Net;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Lab.Tests.Health;

public sealed class HealthCheckerFleetTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    // 20 lab seconds per wall second: a 10 s interval is 0.5 s, the 2 s response limit 100 ms.
    private readonly ScaledTimeProvider _time = new(TimeProvider.System, 20);
    private readonly List<IAsyncDisposable> _disposables = [];
    private TestApp _us = null!;

    public async ValueTask InitializeAsync()
    {
        _us = await TestApp.StartAsync(IPAddress.Parse("127.0.1.1"), 0, TestContext.Current.CancellationToken);
        _disposables.Add(_us);
    }

    public async ValueTask DisposeAsync()
    {
        // Fleet first, then DNS, then apps: reverse order of creation.
        for (var i = _disposables.Count - 1; i >= 0; i--)
        {
            await _disposables[i].DisposeAsync();
        }
    }

    private static Topology TopologyWith(string fqdn, HealthCheckType type = HealthCheckType.Https, string? searchString = null) => Some.Topology() with
    {
        HealthChecks =
        [
            new HealthCheckConfig
            {
                Id = "hc-us",
                Type = type,
                Fqdn = fqdn,
                Path = "/api/health",
                SearchString = searchString,
                Interval = TimeSpan.FromSeconds(10),
                FailureThreshold = 2,
            },
        ],
    };

    private async Task<(HealthRegistry Registry, HealthCheckerFleet Fleet)> StartFleetAsync(Topology topology, IHostStalls? stalls = null)
    {
        var faults = new SettableFaultState();
        var registry = new HealthRegistry(topology, _time, faults);
        var dns = new LabDnsServer(new ZoneAnswerer(topology, registry, faults, new RandomSource(1)), AddressPlan.For(topology), _time);
        await dns.StartAsync(TestContext.Current.CancellationToken);
        _disposables.Add(dns);
        var fleet = new HealthCheckerFleet(topology, registry, new DnsStubResolver(dns.EndPoint, _time), _us.Port, _time, new RandomSource(3), stalls: stalls);
        _disposables.Add(fleet);
        return (registry, fleet);
    }

    private static Task<HealthTransition> NextTransitionAsync(HealthRegistry registry, bool healthy)
    {
        var tcs = new TaskCompletionSource<HealthTransition>(TaskCreationOptions.RunContinuationsAsynchronously);
        registry.Transitioned += (_, t) =>
        {
            if (t.Healthy == healthy)
            {
                tcs.TrySetResult(t);
            }
        };
        return tcs.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);
    }

    private static Task AllCheckersSucceededAsync(HealthCheckerFleet fleet, int checkers = 16)
    {
        var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var succeeded = new HashSet<int>();
        fleet.Probed += (_, p) =>
        {
            lock (succeeded)
            {
                if (p.Success && succeeded.Add(p.Checker) && succeeded.Count == checkers)
                {
                    tcs.TrySetResult();
                }
            }
        };
        return tcs.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StartAsync_AppStartsReturning500_CheckTurnsUnhealthyThenRecovers()
    {
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test"));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;
        Assert.True(registry.CurrentStatus("hc-us"));

        var unhealthy = NextTransitionAsync(registry, healthy: false);
        _us.StatusCode = 500;
        var down = await unhealthy;

        Assert.Equal("hc-us", down.CheckId);
        Assert.True(down.PercentageHealthy <= 18);
        Assert.False(registry.IsHealthy("hc-us"));

        var healthy = NextTransitionAsync(registry, healthy: true);
        _us.StatusCode = 200;
        await healthy;
        Assert.True(registry.IsHealthy("hc-us"));
    }

    [Fact]
    public async Task StartAsync_AnswersLateWhileTheHostStalled_TheStallIsLeftOutOfTheResponseLimit()
    {
        // 150 ms of wall time is 3 s of lab time, past the 2 s limit; the host says it ran nothing meanwhile.
        _us.AnswerDelay = TimeSpan.FromMilliseconds(150);
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test"), new AlwaysStalled());
        var allProbed = AllCheckersSucceededAsync(fleet);

        await fleet.StartAsync(TestContext.Current.CancellationToken);

        await allProbed;
        Assert.True(registry.IsHealthy("hc-us"));
    }

    [Fact]
    public async Task StartAsync_AnswersLateOnAHostThatKeptTime_ProbesFail()
    {
        _us.AnswerDelay = TimeSpan.FromMilliseconds(150);
        var (_, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test"));
        var failed = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        fleet.Probed += (_, p) =>
        {
            if (!p.Success)
            {
                failed.TrySetResult(p.Reason);
            }
        };

        await fleet.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Failure: HTTP response timed out", await failed.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task StartAsync_AppStallsOnAStalledHost_TheExtensionIsBoundedAndTheCheckTurnsUnhealthy()
    {
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test"), new AlwaysStalled());
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;

        var unhealthy = NextTransitionAsync(registry, healthy: false);
        _us.Stall = true;

        Assert.False((await unhealthy).Healthy);
    }

    [Fact]
    public async Task StartAsync_AppStalls_CheckTurnsUnhealthy()
    {
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test"));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;

        var unhealthy = NextTransitionAsync(registry, healthy: false);
        _us.Stall = true;

        Assert.False((await unhealthy).Healthy);
    }

    [Fact]
    public async Task StartAsync_Probes_FromCheckerAddressesWithFqdnHost()
    {
        var (_, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test"));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;

        var requests = _us.Requests.ToArray();
        Assert.All(requests, r => Assert.Equal($"api.us-east-1.example.test:{_us.Port}", r.Host));

        // Checkers are spread round-robin over Route 53's eight checker regions: us-east-1 and eu-west-1 probe from their
        // locations' addresses, the six others from their own (127.1.j.200, j their number among the checker regions).
        Assert.Equal(
            ["127.0.1.200", "127.0.2.200", "127.1.2.200", "127.1.3.200", "127.1.5.200", "127.1.6.200", "127.1.7.200", "127.1.8.200"],
            requests.Select(r => r.Remote.ToString()).Distinct().Order());
    }

    [Fact]
    public async Task StartAsync_CheckProbesOtherRegionsDomain_StaysHealthyWhileItsRegionFails()
    {
        // The blog's bug: hc-us probes the eu domain, so a failing us region never turns it unhealthy.
        await using var eu = await TestApp.StartAsync(IPAddress.Parse("127.0.2.1"), _us.Port, TestContext.Current.CancellationToken);
        _us.StatusCode = 500;
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.eu-west-1.example.test"));
        var results = new List<HealthProbeResult>();
        var enough = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        fleet.Probed += (_, p) =>
        {
            lock (results)
            {
                results.Add(p);
                if (results.Count >= 48)
                {
                    enough.TrySetResult();
                }
            }
        };

        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await enough.Task.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.True(registry.CurrentStatus("hc-us"));
        lock (results)
        {
            Assert.All(results, r => Assert.Equal(IPAddress.Parse("127.0.2.1"), r.Address));
        }

        Assert.Empty(_us.Requests);
    }

    [Fact]
    public async Task StartAsync_StringMatchAndBodyLosesString_CheckTurnsUnhealthy()
    {
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test", HealthCheckType.HttpsStrMatch, "is healthy"));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;

        var unhealthy = NextTransitionAsync(registry, healthy: false);
        _us.Body = "Region us-east-1 is degraded";

        Assert.False((await unhealthy).Healthy);
    }

    [Fact]
    public async Task StartAsync_AppAnswers302_EveryCheckerSeesItHealthy()
    {
        // Route 53: "2xx or 3xx"; a checker does not follow the redirect.
        _us.StatusCode = 302;
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test"));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;

        Assert.True(registry.CurrentStatus("hc-us"));
    }

    [Fact]
    public async Task StartAsync_SearchStringEndsExactlyAtByte5120_EveryCheckerSeesItHealthy()
    {
        _us.Body = new string('x', HealthProbeRules.SearchBytes - "is healthy".Length) + "is healthy" + new string('x', 1000);
        var (_, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test", HealthCheckType.HttpsStrMatch, "is healthy"));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);

        await allProbed;
    }

    [Fact]
    public async Task StartAsync_SearchStringEndsAtByte5121_CheckTurnsUnhealthy()
    {
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test", HealthCheckType.HttpsStrMatch, "is healthy"));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;

        var unhealthy = NextTransitionAsync(registry, healthy: false);
        _us.Body = new string('x', HealthProbeRules.SearchBytes - "is healthy".Length + 1) + "is healthy" + new string('x', 1000);

        Assert.False((await unhealthy).Healthy);
    }

    [Fact]
    public async Task Probe_CannotConnect_FailsWithConnectionTimedOutAtTheFourSecondLimit()
    {
        // A listener whose accept queue is full and never drained: the kernel drops further SYNs, so a connect hangs.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Parse("127.0.1.1"), 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await filler.ConnectAsync(listener.LocalEndPoint!, TestContext.Current.CancellationToken);

        // A slower clock than the fleet tests' (5 lab seconds per wall second), so the 10 s bound below has slack.
        var time = new ScaledTimeProvider(TimeProvider.System, 5);
        var topology = TopologyWith("api.us-east-1.example.test");
        var faults = new SettableFaultState();
        await using var dns = new LabDnsServer(new ZoneAnswerer(topology, new HealthRegistry(topology, time, faults), faults, new RandomSource(1)), AddressPlan.For(topology), time);
        await dns.StartAsync(TestContext.Current.CancellationToken);
        using var probe = new HealthProbe(topology.HealthChecks[0], IPAddress.Parse("127.0.1.200"), new DnsStubResolver(dns.EndPoint, time), port, time);

        var started = time.GetUtcNow();
        var (success, reason, _) = await probe.ProbeAsync(TestContext.Current.CancellationToken).WaitAsync(Deadline, TestContext.Current.CancellationToken);
        var took = time.GetUtcNow() - started;

        Assert.False(success);
        Assert.Equal("Failure: Connection timed out", reason);
        Assert.InRange(took, HealthProbeRules.HttpConnectTimeout, HealthProbeRules.TcpConnectTimeout);
    }

    [Fact]
    public async Task StartAsync_TcpCheckAndListenerGone_CheckTurnsUnhealthy()
    {
        var (registry, fleet) = await StartFleetAsync(TopologyWith("api.us-east-1.example.test", HealthCheckType.Tcp));
        var allProbed = AllCheckersSucceededAsync(fleet);
        await fleet.StartAsync(TestContext.Current.CancellationToken);
        await allProbed;
        Assert.Empty(_us.Requests); // TCP checks only connect

        var unhealthy = NextTransitionAsync(registry, healthy: false);
        await _us.DisposeAsync();

        Assert.False((await unhealthy).Healthy);
    }

    /// <summary>A host that ran nothing, ever: every moment asked about was stalled.</summary>
    private sealed class AlwaysStalled : IHostStalls
    {
        public TimeSpan StalledBetween(DateTimeOffset from, DateTimeOffset to) => to > from ? to - from : TimeSpan.Zero;
    }
}
