using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Hosting;

/// <summary>What the lab host logs: the lab's story as it happens (event ids 1000–1099).</summary>
internal static partial class LabHostLog
{
    // The sentence of Core.Health.HealthWords.Status: "hc-us unhealthy: 2 of 16 checkers (13%) see it healthy".
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "{CheckId} {Status}: {HealthyCheckers} of {Checkers} checkers ({Percentage}) see it healthy")]
    public static partial void HealthChanged(ILogger logger, string checkId, string status, int healthyCheckers, int checkers, string percentage);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "DNS: {Location} is now answered {Name} -> {Answer}")]
    public static partial void DnsAnswerChanged(ILogger logger, string location, string name, string answer);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "stopping the lab: reverting {Count} active fault(s)")]
    public static partial void RevertingOnStop(ILogger logger, int count);
}
