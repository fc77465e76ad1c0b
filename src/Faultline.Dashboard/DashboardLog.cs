using Microsoft.Extensions.Logging;

namespace Faultline.Dashboard;

/// <summary>The dashboard's log messages.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Dashboard at {Url}")]
    public static partial void Listening(ILogger logger, Uri url);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Debug, Message = "Dashboard health poll failed: {Reason}")]
    public static partial void PollFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Dashboard could not build its state")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Dashboard did not stop cleanly")]
    public static partial void StopFailed(ILogger logger, Exception exception);
}
