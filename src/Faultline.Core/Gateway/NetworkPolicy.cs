using Faultline.Core.Faults;
using Faultline.Core.Faults.Injection;
using Faultline.Core.Randomness;

namespace Faultline.Core.Gateway;

/// <summary>
/// The network between locations and regions: the topology's one-way latency, and <c>network</c> faults
/// decided per request (not per connection, unlike Toxiproxy) by each fault's <see cref="INetworkFaultInjector"/>. A
/// blackhole wins over a reset, which wins over delivery; added latencies sum.
/// </summary>
public sealed class NetworkPolicy
{
    private readonly Topology.Topology _topology;
    private readonly IFaultState _faults;
    private readonly RandomSource _random;

    /// <summary>Creates the policy.</summary>
    public NetworkPolicy(Topology.Topology topology, IFaultState faults, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(random);
        _topology = topology;
        _faults = faults;
        _random = random;
    }

    /// <summary>The one-way latency from a caller's location to a region; zero for unknown callers.</summary>
    public TimeSpan OneWayLatency(string? location, string region) =>
        location is null ? TimeSpan.Zero : _topology.Latency.Get(location, region);

    /// <summary>Decides what the network does to one request from <paramref name="location"/> to <paramref name="region"/>.</summary>
    public NetworkDecision Decide(string region, string? location)
    {
        var snapshot = _faults.Snapshot();
        if (snapshot.Count == 0)
        {
            return NetworkDecision.Clean;
        }

        var action = NetworkAction.Deliver;
        var extra = TimeSpan.Zero;
        List<string>? ids = null;
        foreach (var fault in snapshot)
        {
            if (FaultKindRegistry.InjectorOf<INetworkFaultInjector>(fault) is not { } injector
                || !fault.Targets.Contains(region, StringComparer.Ordinal)
                || (fault.Spec.Target.FromLocations.Count > 0 && (location is null || !fault.Spec.Target.FromLocations.Contains(location, StringComparer.Ordinal)))
                || injector.Apply(fault, _random) is not { } effect)
            {
                continue;
            }

            (ids ??= []).Add(fault.Id);
            if (effect.Action == NetworkAction.Blackhole || (effect.Action == NetworkAction.Reset && action != NetworkAction.Blackhole))
            {
                action = effect.Action;
            }

            extra += effect.ExtraLatency;
        }

        return ids is null ? NetworkDecision.Clean : new NetworkDecision { Action = action, ExtraLatency = extra, Faults = ids };
    }
}
