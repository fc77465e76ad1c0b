using Microsoft.Extensions.Logging;

namespace Faultline.Dashboard;

/// <summary>The dashboard's log messages.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Dashboard at {Url}")]
    public static partial void Listening(ILogger logger, Uri url);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Dashboard health poll failed: {Reason}")]
    public static partial void PollFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Dashboard could not build its state")]
    public static partial void SnapshotFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Dashboard did not stop cleanly")]
    public static partial void StopFailed(ILogger logger, Exception exception);
}
