using Faultline.Core.Addressing;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;
using Faultline.Lab.Dns;
using Faultline.TestUtils;

namespace Faultline.Lab.Tests.Dns;

/// <summary>The seed topology's DNS server on a free loopback port, with DNS faults the test sets: what the DNS tests query.</summary>
internal sealed class SeedDnsServer : IAsyncDisposable
{
    public SeedDnsServer()
    {
        var topology = Some.Topology();
        var health = new HealthRegistry(topology, TimeProvider.System, Faults);
        Server = new LabDnsServer(new ZoneAnswerer(topology, health, Faults, new RandomSource(1)), AddressPlan.For(topology), TimeProvider.System);
    }

    /// <summary>The DNS faults the server answers under.</summary>
    public SettableFaultState Faults { get; } = new();

    /// <summary>The server (started by <see cref="StartAsync"/>).</summary>
    public LabDnsServer Server { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Server.StartAsync(cancellationToken);

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
