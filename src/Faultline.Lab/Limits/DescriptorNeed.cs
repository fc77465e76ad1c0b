using Faultline.Core.Topology;
using Faultline.Lab.Load;

namespace Faultline.Lab.Limits;

/// <summary>
/// How many file descriptors a process of Faultline may need at most, by what holds them. Every part is bounded:
/// the load's connections by each population's connection bound, the gateways' by their connection limit, health
/// probes by the checkers (one probe in flight each: a probe gives up within 6 s, the interval is 10 s or more).
/// </summary>
public sealed record DescriptorNeed
{
    /// <summary>Descriptors kept for everything else: the runtime, DNS sockets, the control API, the dashboard, metrics, the journal and logs. 256.</summary>
    public const long Reserve = 256;

    /// <summary>Extra gateway connections beyond the known callers, for curl, dig-style checks and the like: 64.</summary>
    public const long GatewayHeadroom = 64;

    /// <summary>The load generator's connections (0 when the load runs in another process).</summary>
    public long LoadConnections { get; init; }

    /// <summary>The gateways' connections (0 when the lab runs in another process).</summary>
    public long GatewayConnections { get; init; }

    /// <summary>Connections from functions to their upstreams: at most one per gateway connection, 0 without upstreams.</summary>
    public long UpstreamConnections { get; init; }

    /// <summary>The health checkers' probe connections (0 when the lab runs in another process).</summary>
    public long HealthCheckConnections { get; init; }

    /// <summary>Everything together, with the <see cref="Reserve"/>.</summary>
    public long Total => LoadConnections + GatewayConnections + UpstreamConnections + HealthCheckConnections + Reserve;

    /// <summary>What <c>faultline run</c> needs: the load of <paramref name="populations"/> and, with its own lab, that lab.</summary>
    /// <param name="populations">The populations with their connection bounds resolved (see <see cref="Runs.RunPopulations"/>).</param>
    /// <param name="topology">The topology (health checkers, upstreams).</param>
    /// <param name="ownLab">Whether the lab runs in this process (<c>false</c> with <c>--lab</c>).</param>
    public static DescriptorNeed ForRun(IReadOnlyList<ClientConfig> populations, Topology topology, bool ownLab)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(topology);
        var load = populations.Sum(p => (long)(p.MaxConnections ?? 0));
        return ownLab ? ForLab(topology, GatewayLimit(populations, topology)) with { LoadConnections = load } : new DescriptorNeed { LoadConnections = load };
    }

    /// <summary>What a lab alone (<c>faultline lab up</c>) needs with a gateway connection limit of <paramref name="gatewayLimit"/>.</summary>
    public static DescriptorNeed ForLab(Topology topology, long gatewayLimit)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return new DescriptorNeed
        {
            GatewayConnections = gatewayLimit,
            UpstreamConnections = topology.Regions.Any(r => r.Functions.Any(f => f.Upstream is not null)) ? gatewayLimit : 0,
            HealthCheckConnections = HealthCheckers(topology),
        };
    }

    /// <summary>
    /// The gateways' connection limit for callers <paramref name="populations"/>: their connection bounds, the health
    /// checkers and <see cref="GatewayHeadroom"/>.
    /// </summary>
    public static long GatewayLimit(IEnumerable<ClientConfig> populations, Topology topology)
    {
        ArgumentNullException.ThrowIfNull(populations);
        ArgumentNullException.ThrowIfNull(topology);
        return populations.Sum(p => (long)(p.MaxConnections ?? 0)) + HealthCheckers(topology) + GatewayHeadroom;
    }

    /// <summary>The gateways' default connection limit: for the topology's clients at their configured rates.</summary>
    public static long GatewayLimit(Topology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return GatewayLimit(topology.Clients.Select(c => c with { MaxConnections = Load.LoadConnections.For(c, LoadGeneratorOptions.DefaultRequestTimeout) }), topology);
    }

    private static long HealthCheckers(Topology topology) => topology.HealthChecks.Sum(c => (long)c.Checkers);
}
