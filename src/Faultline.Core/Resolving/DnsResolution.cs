using System.Net;

namespace Faultline.Core.Resolving;

/// <summary>The result of a lookup through the lab DNS: addresses with their TTL, or why there are none.</summary>
public sealed record DnsResolution
{
    /// <summary>How the lookup ended.</summary>
    public required DnsResolutionStatus Status { get; init; }

    /// <summary>The answered IPv4 addresses; empty unless <see cref="DnsResolutionStatus.Success"/>.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; init; } = [];

    /// <summary>The smallest TTL of the answer (how long a client may cache it).</summary>
    public TimeSpan Ttl { get; init; }

    /// <summary>The raw rcode (0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN, 5 REFUSED), or -1 on timeout.</summary>
    public int ReturnCode { get; init; } = -1;

    /// <summary>Whether the lookup gave at least one address.</summary>
    public bool Succeeded => Status == DnsResolutionStatus.Success;
}
