using System.Net;

namespace Faultline.Core.Resolving;

/// <summary>A population's cached DNS answer for its URL's host changed (the first answer counts as a change from none).</summary>
public sealed record DnsAnswerChange
{
    /// <summary>The population.</summary>
    public required string Population { get; init; }

    /// <summary>Where it sends from.</summary>
    public required string Location { get; init; }

    /// <summary>The host resolved.</summary>
    public required string Host { get; init; }

    /// <summary>The answer before (empty for the first).</summary>
    public required IReadOnlyList<IPAddress> Previous { get; init; }

    /// <summary>The new answer.</summary>
    public required IReadOnlyList<IPAddress> Current { get; init; }

    /// <summary>The TTL it came with.</summary>
    public required TimeSpan Ttl { get; init; }

    /// <summary>When the answer arrived, lab time.</summary>
    public required DateTimeOffset At { get; init; }
}
