using System.Net;
using Faultline.Core.Routing;

namespace Faultline.Lab.Dns;

/// <summary>One answer the lab DNS server gave, so a run can record DNS answer changes per location.</summary>
public sealed record DnsAnswerEvent
{
    /// <summary>When it was answered (lab time).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The querier's source endpoint.</summary>
    public required IPEndPoint Source { get; init; }

    /// <summary><c>udp</c> or <c>tcp</c>.</summary>
    public required string Transport { get; init; }

    /// <summary>The queried type mnemonic, e.g. <c>A</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The zone's decision: name, location, kind (the rcode), addresses, regions, TTL.</summary>
    public required DnsOutcome Outcome { get; init; }

    /// <summary>The location the answer was chosen for.</summary>
    public string Location => Outcome.Location;

    /// <summary>The normalized queried name.</summary>
    public string Name => Outcome.Name;

    /// <summary>The answered addresses (empty unless an answer).</summary>
    public IReadOnlyList<IPAddress> Addresses => Outcome.Addresses;
}
