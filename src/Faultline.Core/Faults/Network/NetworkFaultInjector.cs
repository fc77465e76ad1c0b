using Faultline.Core.Faults.Injection;
using Faultline.Core.Gateway;
using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Network;

/// <summary><c>network</c> in the gateway's network policy: a request is blackholed, reset, or delayed in each direction.</summary>
public sealed class NetworkFaultInjector : INetworkFaultInjector
{
    /// <inheritdoc />
    public NetworkFaultEffect? Apply(ActiveFault fault, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(random);
        if (!random.Chance(fault.Spec.Percentage))
        {
            return null;
        }

        var network = (NetworkFaultOptions)fault.Spec.Options;
        return network.Mode switch
        {
            NetworkMode.Blackhole => new NetworkFaultEffect(NetworkAction.Blackhole, TimeSpan.Zero),
            NetworkMode.Reset => new NetworkFaultEffect(NetworkAction.Reset, TimeSpan.Zero),
            _ => new NetworkFaultEffect(NetworkAction.Deliver, network.Delay ?? TimeSpan.Zero),
        };
    }
}
