namespace Faultline.Core.Faults.Network;

/// <summary><c>network</c>: a region's gateway is blackholed, reset or slowed, per request.</summary>
public sealed record NetworkFaultOptions : FaultOptions, IModeAndDelayOptions<NetworkMode>
{
    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Network;

    /// <summary>The mode. Default <see cref="NetworkMode.Blackhole"/>.</summary>
    public NetworkMode Mode { get; init; } = NetworkMode.Blackhole;

    /// <summary>For <see cref="NetworkMode.Latency"/>: the delay added in each direction.</summary>
    public TimeSpan? Delay { get; init; }
}
