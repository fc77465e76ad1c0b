namespace Faultline.Core.Gateway;

/// <summary>How a regional gateway dealt with one request.</summary>
public enum GatewayExchangeKind
{
    /// <summary>It answered (after the network latency each way): <see cref="GatewayExchange.Response"/>.</summary>
    Response,

    /// <summary>A network fault reset the connection: the caller sees "connection reset", no response.</summary>
    Reset,

    /// <summary>A network fault swallowed the request: no answer ever comes; the caller's own timeout ends it.</summary>
    Blackhole,
}
