using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Hosting;

/// <summary>What the lab host logs: the lab's story as it happens (event ids 1000–1099).</summary>
internal static partial class LabHostLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "health check {CheckId} is now {Status} ({Percentage:0}% of checkers see it healthy)")]
    public static partial void HealthChanged(ILogger logger, string checkId, string status, double percentage);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "DNS: {Location} is now answered {Name} -> {Answer}")]
    public static partial void DnsAnswerChanged(ILogger logger, string location, string name, string answer);



    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "stopping the lab: reverting {Count} active fault(s)")]
    public static partial void RevertingOnStop(ILogger logger, int count);
}
