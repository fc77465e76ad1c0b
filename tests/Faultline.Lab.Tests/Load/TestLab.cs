using System.Collections.Concurrent;
using Faultline.Core.Addressing;
using Faultline.Core.Faults;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Faultline.Core.Health;
using Faultline.Core.Load;
using Faultline.Core.Randomness;
using Faultline.Core.Resolving;
using Faultline.Core.Routing;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Gateway;
using Faultline.Lab.Load;

namespace Faultline.Lab.Tests.Load;

/// <summary>A real lab on loopback (DNS server + gateways) with a load generator over it, and what the generator published.</summary>
internal sealed class TestLab : IAsyncDisposable
{
    // The longest lease the lab accepts: no fault lapses during a test, even at time scale 20.
    private static readonly TimeSpan Lease = FaultLimits.MaximumLease;
    private readonly List<IAsyncDisposable> _disposables = [];

    private TestLab(Topology topology, ScaledTimeProvider time)
    {
        Topology = topology;
        Time = time;
        Faults = new FaultStore(topology, time, new RandomSource(1));
    }

    public Topology Topology { get; }

    public ScaledTimeProvider Time { get; }

    public FaultStore Faults { get; }

    public LabDnsServer Dns { get; private set; } = null!;

    public GatewayServer Gateway { get; private set; } = null!;

    public LoadGenerator Load { get; private set; } = null!;

    public ConcurrentQueue<LoadSecond> Seconds { get; } = new();

    public ConcurrentQueue<DnsAnswerChange> Answers { get; } = new();

    public static async Task<TestLab> StartAsync(Topology topology, double scale, LoadGeneratorOptions? options = null, bool startLoad = true)
    {
        var ct = TestContext.Current.CancellationToken;
        var lab = new TestLab(topology, new ScaledTimeProvider(TimeProvider.System, scale));
        var health = new HealthRegistry(topology, lab.Time, lab.Faults);
        lab.Dns = new LabDnsServer(new ZoneAnswerer(topology, health, lab.Faults, new RandomSource(2)), AddressPlan.For(topology), lab.Time);
        await lab.Dns.StartAsync(ct);
        lab._disposables.Add(lab.Dns);
        var fleet = new FunctionFleet(topology, lab.Faults, lab.Time, new RandomSource(3));
        lab.Gateway = new GatewayServer(topology, new ApiGateway(topology, fleet, lab.Time), new NetworkPolicy(topology, lab.Faults, new RandomSource(4)), lab.Time);
        await lab.Gateway.StartAsync(0, ct);
        lab._disposables.Add(lab.Gateway);
        lab.Load = new LoadGenerator(topology.Clients, AddressPlan.For(topology), new DnsStubResolver(lab.Dns.EndPoint, lab.Time), lab.Gateway.Port, lab.Time, new RandomSource(5), options);
        lab.Load.SecondCompleted += (_, s) => lab.Seconds.Enqueue(s);
        lab.Load.AnswerChanged += (_, a) => lab.Answers.Enqueue(a);
        lab._disposables.Add(lab.Load);
        if (startLoad)
        {
            await lab.Load.StartAsync(ct);
        }

        return lab;
    }

    /// <summary>Clients of the seed topology with other rates / reuse.</summary>
    public static Topology WithClients(params ClientConfig[] clients) => TestUtils.Some.Topology() with { Clients = clients };

    public static ClientConfig Client(string location, double rate, ConnectionReuse reuse = ConnectionReuse.KeepAlive, string? url = null) => new()
    {
        Name = location[..2] + "-customers",
        Location = location,
        Url = new Uri(url ?? "https://api.example.test/api/hello"),
        RatePerSecond = rate,
        ConnectionReuse = reuse,
    };

    public ActiveFault AddFault(FaultOptions options, FaultTarget target) =>
        Faults.Add(new FaultSpec { Options = options, Target = target }, "test", Lease);

    /// <summary>Everything one population published so far, merged.</summary>
    public LoadStats Total(string population) => LoadStats.Merge(Seconds.Where(s => s.Population == population).Select(s => s.Stats));

    /// <summary>What one population published for seconds starting at or after <paramref name="from"/> (lab time).</summary>
    public LoadStats Since(string population, DateTimeOffset from) =>
        LoadStats.Merge(Seconds.Where(s => s.Population == population && s.Start >= from).Select(s => s.Stats));

    public async ValueTask DisposeAsync()
    {
        for (var i = _disposables.Count - 1; i >= 0; i--)
        {
            await _disposables[i].DisposeAsync();
        }
    }
}
