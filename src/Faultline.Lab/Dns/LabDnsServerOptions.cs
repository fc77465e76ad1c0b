using System.Net;
using Faultline.Core.Addressing;

namespace Faultline.Lab.Dns;

/// <summary>Where the lab DNS server listens.</summary>
public sealed record LabDnsServerOptions
{
    /// <summary>The listening address. Default <c>127.0.0.1</c> (<see cref="AddressPlan.DnsAddress"/>).</summary>
    public IPAddress Address { get; init; } = AddressPlan.DnsAddress;

    /// <summary>The UDP and TCP port. Default 0: a free port is picked (the same for both); see <see cref="LabDnsServer.EndPoint"/>.</summary>
    public int Port { get; init; }
}
