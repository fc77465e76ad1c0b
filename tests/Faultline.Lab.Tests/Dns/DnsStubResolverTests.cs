using System.Net;
using Faultline.Core.Addressing;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;
using Faultline.Core.Topology;
using Faultline.TestUtils;
using Faultline.Core.Resolving;
using Faultline.Lab.Dns;
using Xunit;

namespace Faultline.Lab.Tests.Dns;

public sealed class DnsStubResolverTests : IAsyncLifetime
{
    private readonly SeedDnsServer _dns = new();

    public async ValueTask InitializeAsync() => await _dns.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await _dns.DisposeAsync();

    [Theory]
    [InlineData("127.0.1.100", "127.0.1.1")]
    [InlineData("127.0.2.100", "127.0.2.1")]
    public async Task ResolveAsync_FromLocationSource_AnswersClosestRegion(string source, string expected)
    {
        var resolver = new DnsStubResolver(_dns.Server.EndPoint, TimeProvider.System);

        var resolution = await resolver.ResolveAsync("api.example.test", IPAddress.Parse(source), TestContext.Current.CancellationToken);

        Assert.Equal(DnsResolutionStatus.Success, resolution.Status);
        Assert.Equal([IPAddress.Parse(expected)], resolution.Addresses);
        Assert.Equal(TimeSpan.FromSeconds(60), resolution.Ttl);
    }

    [Fact]
    public async Task ResolveAsync_ClientSubnetOfOtherLocation_SubnetWinsOverSource()
    {
        var resolver = new DnsStubResolver(_dns.Server.EndPoint, TimeProvider.System);

        var resolution = await resolver.ResolveAsync("api.example.test", IPAddress.Parse("127.0.1.100"), IPAddress.Parse("127.0.2.100"), TestContext.Current.CancellationToken);

        Assert.Equal([IPAddress.Parse("127.0.2.1")], resolution.Addresses);
    }

    [Fact]
    public async Task ResolveAsync_FromCheckerRegionsOwnAddress_AnswersForThatCheckerRegion()
    {
        // ap-southeast-1's checkers (127.1.5.200) are nearer eu-west-1 than us-east-1 (CheckerLatencies' figures), so a
        // check on the latency record itself probes eu-west-1 from there, as on AWS.
        var seed = Some.Topology();
        var topology = seed with
        {
            Latency = new LatencyMatrix(seed.Latency.Entries.Concat(
            [
                new(("ap-southeast-1", "us-east-1"), CheckerLatencies.Find("ap-southeast-1", "us-east-1")!.Value),
                new(("ap-southeast-1", "eu-west-1"), CheckerLatencies.Find("ap-southeast-1", "eu-west-1")!.Value),
            ])),
        };
        var faults = new SettableFaultState();
        await using var server = new LabDnsServer(new ZoneAnswerer(topology, new HealthRegistry(topology, TimeProvider.System, faults), faults, new RandomSource(1)), AddressPlan.For(topology), TimeProvider.System);
        await server.StartAsync(TestContext.Current.CancellationToken);
        var resolver = new DnsStubResolver(server.EndPoint, TimeProvider.System);

        var resolution = await resolver.ResolveAsync("api.example.test", IPAddress.Parse("127.1.5.200"), TestContext.Current.CancellationToken);

        Assert.Equal([IPAddress.Parse("127.0.2.1")], resolution.Addresses);
    }

    [Fact]
    public async Task ResolveAsync_UnknownName_NxDomain()
    {
        var resolver = new DnsStubResolver(_dns.Server.EndPoint, TimeProvider.System);

        var resolution = await resolver.ResolveAsync("nope.example.test", IPAddress.Parse("127.0.1.100"), TestContext.Current.CancellationToken);

        Assert.Equal(DnsResolutionStatus.NxDomain, resolution.Status);
        Assert.Equal(3, resolution.ReturnCode);
        Assert.False(resolution.Succeeded);
    }

    [Fact]
    public async Task ResolveAsync_DelayLongerThanTimeout_TimesOut()
    {
        _dns.Faults.Set(SettableFaultState.Fault(new DnsFaultOptions { Mode = DnsFaultMode.Delay, Delay = TimeSpan.FromMinutes(10) }, "api.example.test"));
        var resolver = new DnsStubResolver(_dns.Server.EndPoint, TimeProvider.System, new DnsStubResolverOptions { Timeout = TimeSpan.FromMilliseconds(200), Attempts = 2 });

        var resolution = await resolver.ResolveAsync("api.example.test", IPAddress.Parse("127.0.1.100"), TestContext.Current.CancellationToken);

        Assert.Equal(DnsResolutionStatus.Timeout, resolution.Status);
    }

    [Fact]
    public async Task ResolveAsync_NoServer_TimesOut()
    {
        using var silent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        silent.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var resolver = new DnsStubResolver((IPEndPoint)silent.LocalEndPoint!, TimeProvider.System, new DnsStubResolverOptions { Timeout = TimeSpan.FromMilliseconds(200), Attempts = 1 });

        var resolution = await resolver.ResolveAsync("api.example.test", IPAddress.Parse("127.0.1.100"), TestContext.Current.CancellationToken);

        Assert.Equal(DnsResolutionStatus.Timeout, resolution.Status);
    }
}
