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

    /// <inheritdoc />
    protected override FaultOptionDefinition ModeOption => Mode;

    /// <inheritdoc />
    protected override FaultOptionDefinition DelayOption => Delay;

    /// <inheritdoc />
    protected override NetworkMode DefaultMode => NetworkMode.Blackhole;

    /// <inheritdoc />
    protected override NetworkMode DelayMode => NetworkMode.Latency;

    /// <inheritdoc />
    protected override NetworkFaultOptions Create(NetworkMode mode, TimeSpan? delay) => new() { Mode = mode, Delay = delay };

    /// <inheritdoc />
    protected override NetworkMode ModeOf(NetworkFaultOptions options) => options.Mode;

    /// <inheritdoc />
    protected override TimeSpan? DelayOf(NetworkFaultOptions options) => options.Delay;
}
