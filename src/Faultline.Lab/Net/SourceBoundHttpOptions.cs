using System.Net;
using Faultline.Core.Topology;

namespace Faultline.Lab.Net;

/// <summary>How <see cref="SourceBoundHttp"/> connects: from which address, reusing connections or not, how patiently.</summary>
public sealed record SourceBoundHttpOptions
{
    /// <summary>The default connect timeout (lab time): 10 s.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The local address every connection is bound to (e.g. <c>127.0.1.200</c>), so the lab sees the caller's location.</summary>
    public required IPAddress SourceAddress { get; init; }

    /// <summary>Lab time, for the connect timeout.</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>Keep connections alive (default) or open a new one per request.</summary>
    public ConnectionReuse ConnectionReuse { get; init; } = ConnectionReuse.KeepAlive;

    /// <summary>How long a TCP connect may take (lab time). Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = DefaultConnectTimeout;

    /// <summary>Which response encodings are decompressed transparently. Default none.</summary>
    public DecompressionMethods AutomaticDecompression { get; init; } = DecompressionMethods.None;
}
