namespace Faultline.Core.Faults.Dns;

/// <summary><c>dns</c>: a record answers SERVFAIL, NXDOMAIN, or late (the lab DNS's zone answerer injects it).</summary>
public sealed class DnsFaultKind : ModeAndDelayFaultKind<DnsFaultOptions, DnsFaultMode>
{
    /// <summary>What the record's queries get.</summary>
    public static readonly FaultOptionDefinition Mode = new()
    {
        Name = "mode", Type = FaultOptionType.Choice, Help = "servfail | nxdomain | delay", Example = "servfail", Default = "servfail",
        ChoiceType = typeof(DnsFaultMode), Choices = ["servfail", "nxdomain", "delay"],
    };

    /// <summary>The delay of mode delay.</summary>
    public static readonly FaultOptionDefinition Delay = new() { Name = "delay", Type = FaultOptionType.Duration, Help = "mode delay: how late the answer is", Example = "2s" };

    /// <summary>Creates the descriptor.</summary>
    public DnsFaultKind()
        : base(Mode, Delay, DnsFaultMode.Servfail, DnsFaultMode.Delay)
    {
    }

    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Dns;

    /// <inheritdoc />
    public override string Name => "dns";

    /// <inheritdoc />
    public override string Description => "a record answers SERVFAIL, NXDOMAIN, or late";

    /// <inheritdoc />
    public override FaultScope ActsOn => FaultScope.Record;

    /// <inheritdoc />
    /// <remarks>FIS has no action on Route 53 answers: the AWS export reports the action as one it cannot export.</remarks>
    public override Aws.Fis.IFisFaultMapping? Fis => null;

    /// <inheritdoc />
    public override Injection.IFaultInjector Injector { get; } = new DnsFaultInjector();
}
