using System.Net;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Gateway;

/// <summary>Gateway log messages (event ids 2100–2199).</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Gateways listening on port {Port} for regions {Regions}")]
    public static partial void Listening(ILogger logger, int port, IReadOnlyList<string> regions);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Debug, Message = "Port {Port} clashed on attempt {Attempt}; retrying with another")]
    public static partial void PortClash(ILogger logger, int port, int attempt);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Debug, Message = "Blackholed {Method} {Path} to {Region} from {Location} (faults {Faults})")]
    public static partial void Blackholed(ILogger logger, string method, string path, string region, string? location, IReadOnlyList<string> faults);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Debug, Message = "Reset {Method} {Path} to {Region} from {Location} (faults {Faults})")]
    public static partial void Reset(ILogger logger, string method, string path, string region, string? location, IReadOnlyList<string> faults);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Warning, Message = "Request to an address that is no gateway: {Address}")]
    public static partial void NoRegion(ILogger logger, IPAddress? address);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Debug, Message = "Upstream {Upstream} failed: {Error}")]
    public static partial void UpstreamFailed(ILogger logger, Uri upstream, string error);
}
