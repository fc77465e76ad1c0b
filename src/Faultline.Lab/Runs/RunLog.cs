using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Runs;

/// <summary>What the experiment runner logs (event ids 5100–5199).</summary>
internal static partial class RunLog
{
    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "journal write failed ({Operation}, audit: {Audit}): {Error}")]
    public static partial void JournalWriteFailed(ILogger logger, string operation, bool audit, string error);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "a run observer failed; the run goes on")]
    public static partial void ObserverFailed(ILogger logger, Exception exception);

    // Debug: a lab that stopped answering fails every poll; RunLog.LabUnreachable says so once.
    [LoggerMessage(EventId = 5102, Level = LogLevel.Debug, Message = "polling the lab's health failed: {Error}")]
    public static partial void HealthPollFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "steady state was evaluated before every population delivered the baseline's last second")]
    public static partial void SteadyStateEarly(ILogger logger);

    // Information: the run raises the same words as a lab-unreachable problem, which the console prints.
    [LoggerMessage(EventId = 5104, Level = LogLevel.Information, Message = "{Problem}")]
    public static partial void LabUnreachable(ILogger logger, string problem);
}
