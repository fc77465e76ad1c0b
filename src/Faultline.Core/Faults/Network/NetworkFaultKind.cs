namespace Faultline.Core.Faults.Network;

/// <summary><c>network</c>: a region's gateway is blackholed, reset or slowed (the gateway's network policy injects it).</summary>
public sealed class NetworkFaultKind : FaultKindDescriptor<NetworkFaultOptions>
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
    public override IReadOnlyList<FaultOptionDefinition> Options { get; } = [Mode, Delay];

    /// <inheritdoc />
    public override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new NetworkFaultOptions { Mode = FaultChoices.Parse(reader.Choice(Mode), NetworkMode.Blackhole), Delay = reader.Duration(Delay) };
    }

    /// <inheritdoc />
    protected override void Validate(NetworkFaultOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems)
    {
        Add(problems, FaultChoices.Check(Mode, spelling, options.Mode));
        Add(problems, FaultOptionErrors.Delay(Delay, spelling, options.Delay));
        if (problems.Count > 0)
        {
            return;
        }

        if (options.Mode == NetworkMode.Latency && options.Delay is null)
        {
            problems.Add(FaultOptionErrors.ModeNeedsDelay(Mode, Delay, spelling, FaultChoices.NameOf(options.Mode)));
        }
        else if (options.Mode != NetworkMode.Latency && options.Delay is not null)
        {
            problems.Add(FaultOptionErrors.DelayWithoutDelayMode(Mode, Delay, spelling, FaultChoices.NameOf(options.Mode), FaultChoices.NameOf(NetworkMode.Latency)));
        }
    }
}
