using System.Net;

namespace Faultline.Core.Routing;

/// <summary>The zone's decision for one query.</summary>
public sealed record DnsOutcome
{
    /// <summary>What is answered.</summary>
    public required DnsOutcomeKind Kind { get; init; }

    /// <summary>The normalized queried name.</summary>
    public required string Name { get; init; }

    /// <summary>The location the answer was chosen for.</summary>
    public required string Location { get; init; }

    /// <summary>The answered addresses (gateway addresses of <see cref="Regions"/>); empty unless <see cref="DnsOutcomeKind.Answer"/>.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];

    /// <summary>The regions answered, in the order of <see cref="Addresses"/>.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The TTL of the answer (the record's).</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary>How long to hold the answer back (a <c>dns</c> fault in delay mode); zero otherwise.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>The id of the <c>dns</c> fault that shaped the answer, if any.</summary>
    public string? FaultId { get; init; }
}
