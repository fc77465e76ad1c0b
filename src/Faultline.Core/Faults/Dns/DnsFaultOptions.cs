namespace Faultline.Core.Faults.Dns;

/// <summary><c>dns</c>: a record's queries fail or are answered late.</summary>
public sealed record DnsFaultOptions : FaultOptions, IModeAndDelayOptions<DnsFaultMode>
{
    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Dns;

    /// <summary>The mode. Default <see cref="DnsFaultMode.Servfail"/>.</summary>
    public DnsFaultMode Mode { get; init; } = DnsFaultMode.Servfail;

    /// <summary>For <see cref="DnsFaultMode.Delay"/>: how late the answer is.</summary>
    public TimeSpan? Delay { get; init; }
}
