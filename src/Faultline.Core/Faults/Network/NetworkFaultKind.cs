namespace Faultline.Core.Faults.Network;

/// <summary><c>network</c>: a region's gateway is blackholed, reset or slowed (the gateway's network policy injects it).</summary>
public sealed class NetworkFaultKind : ModeAndDelayFaultKind<NetworkFaultOptions, NetworkMode>
{
    /// <summary>What happens to a request.</summary>
    public static readonly FaultOptionDefinition Mode = new()
    {
        Name = "mode", Type = FaultOptionType.Choice, Help = "blackhole | reset | latency", Example = "blackhole", Default = "blackhole",
        ChoiceType = typeof(NetworkMode), Choices = ["blackhole", "reset", "latency"],
    };

    /// <summary>The delay of mode latency.</summary>
    public static readonly FaultOptionDefinition Delay = new() { Name = "delay", Type = FaultOptionType.Duration, Help = "mode latency: the delay added in each direction", Example = "200ms" };

    /// <summary>Creates the descriptor.</summary>
    public NetworkFaultKind()
        : base(Mode, Delay, NetworkMode.Blackhole, NetworkMode.Latency)
    {
    }

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Network;

    /// <inheritdoc />
    public override string Name => "network";

    /// <inheritdoc />
    public override string Description => "the region's gateway is blackholed, reset or slowed, optionally only from some locations";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.Region;

    /// <inheritdoc />
    /// <remarks>FIS has no action that blackholes, resets or slows an API Gateway region: the AWS export reports the action as one it cannot export.</remarks>
    public override Aws.Fis.IFisFaultMapping? Fis => null;

    /// <inheritdoc />
    public override Injection.IFaultInjector Injector { get; } = new NetworkFaultInjector();
}
