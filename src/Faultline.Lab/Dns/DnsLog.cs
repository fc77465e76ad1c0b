using System.Net;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Dns;

/// <summary>Log messages of the lab DNS server and resolver (event ids 3000–3099).</summary>
internal static partial class DnsLog
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Information, Message = "Lab DNS server for zone {Zone} listening on {EndPoint} (UDP and TCP)")]
    public static partial void Listening(ILogger logger, string zone, IPEndPoint endPoint);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "DNS {Type} {Name} from {Source} ({Location}) -> {Kind} {Addresses}")]
    public static partial void Answered(ILogger logger, string type, string name, IPEndPoint source, string location, Core.Routing.DnsOutcomeKind kind, IReadOnlyList<IPAddress> addresses);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Lab DNS server failed to process a query")]
    public static partial void QueryFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Debug, Message = "Port {Port} was taken between probing and binding; retrying with another")]
    public static partial void PortTaken(ILogger logger, int port);
}
