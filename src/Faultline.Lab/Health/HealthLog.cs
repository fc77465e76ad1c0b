using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Health;

/// <summary>Log messages of the health checkers (event ids 3100–3199).</summary>
internal static partial class HealthLog
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Health check {CheckId}: {Checkers} checkers probing {Fqdn} every {Interval} from {Locations}")]
    public static partial void Started(ILogger logger, string checkId, int checkers, string fqdn, TimeSpan interval, IReadOnlyList<string> locations);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Debug, Message = "Health check {CheckId} checker {Checker} ({Location}) failed: {Reason}")]
    public static partial void ProbeFailed(ILogger logger, string checkId, int checker, string location, string? reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Health check {CheckId} checker {Checker} crashed while probing; counted as a failure")]
    public static partial void ProbeCrashed(ILogger logger, string checkId, int checker, Exception exception);
}
