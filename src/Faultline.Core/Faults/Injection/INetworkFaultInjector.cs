using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Injection;

/// <summary>What a fault on a region's gateway (<see cref="FaultScope.Region"/>) does to one request that reaches it, asked by the gateway's network policy.</summary>
public interface INetworkFaultInjector : IFaultInjector
{
    /// <summary>
    /// What happens to one request from a location the fault covers, drawing the fault's percentage from
    /// <paramref name="random"/>; <c>null</c> when the draw spares the request. The policy combines several faults'
    /// effects: a blackhole wins over a reset, which wins over delivery; added latencies sum.
    /// </summary>
    NetworkFaultEffect? Apply(ActiveFault fault, RandomSource random);
}
