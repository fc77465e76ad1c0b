namespace Faultline.Core.Faults.Dns;

/// <summary><c>dns</c>: a record answers SERVFAIL, NXDOMAIN, or late (the lab DNS's zone answerer injects it).</summary>
public sealed class DnsFaultKind : FaultKindDescriptor<DnsFaultOptions>
{
    /// <summary>What the record's queries get.</summary>
    public static readonly FaultOptionDefinition Mode = new()
    {
        Name = "mode", Type = FaultOptionType.Choice, Help = "servfail | nxdomain | delay", Example = "servfail", Default = "servfail",
        ChoiceType = typeof(DnsFaultMode), Choices = ["servfail", "nxdomain", "delay"],
    };

    /// <summary>The delay of mode delay.</summary>
    public static readonly FaultOptionDefinition Delay = new() { Name = "delay", Type = FaultOptionType.Duration, Help = "mode delay: how late the answer is", Example = "2s" };

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Dns;

    /// <inheritdoc />
    public override string Name => "dns";

    /// <inheritdoc />
    public override string Description => "a record answers SERVFAIL, NXDOMAIN, or late";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.Record;

    /// <inheritdoc />
    public override IReadOnlyList<FaultOptionDefinition> Options { get; } = [Mode, Delay];

    /// <inheritdoc />
    public override FaultOptions Read(IFaultOptionReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new DnsFaultOptions { Mode = FaultChoices.Parse(reader.Choice(Mode), DnsFaultMode.Servfail), Delay = reader.Duration(Delay) };
    }

    /// <inheritdoc />
    protected override void Validate(DnsFaultOptions options, FaultOptionSpelling spelling, List<FaultOptionProblem> problems)
    {
        Add(problems, FaultChoices.Check(Mode, spelling, options.Mode));
        Add(problems, FaultOptionErrors.Delay(Delay, spelling, options.Delay));
        if (problems.Count > 0)
        {
            return;
        }

        if (options.Mode == DnsFaultMode.Delay && options.Delay is null)
        {
            problems.Add(FaultOptionErrors.ModeNeedsDelay(Mode, Delay, spelling, FaultChoices.NameOf(options.Mode)));
        }
        else if (options.Mode != DnsFaultMode.Delay && options.Delay is not null)
        {
            problems.Add(FaultOptionErrors.DelayWithoutDelayMode(Mode, Delay, spelling, FaultChoices.NameOf(options.Mode), FaultChoices.NameOf(DnsFaultMode.Delay)));
        }
    }
}
