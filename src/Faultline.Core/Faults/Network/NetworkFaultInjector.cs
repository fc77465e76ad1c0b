using Faultline.Core.Faults.Injection;
using Faultline.Core.Gateway;
using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Network;

/// <summary><c>network</c> in the gateway's network policy: a request is blackholed, reset, or delayed in each direction.</summary>
public sealed class NetworkFaultInjector : INetworkFaultInjector
{
    /// <inheritdoc />
    public NetworkFaultEffect? Apply(ActiveFault fault, RandomSource random) => FaultDraw.Options<NetworkFaultOptions>(fault, random) switch
    {
        null => null,
        { Mode: NetworkMode.Blackhole } => new NetworkFaultEffect(NetworkAction.Blackhole, TimeSpan.Zero),
        { Mode: NetworkMode.Reset } => new NetworkFaultEffect(NetworkAction.Reset, TimeSpan.Zero),
        var options => new NetworkFaultEffect(NetworkAction.Deliver, options.Delay ?? TimeSpan.Zero),
    };
}
