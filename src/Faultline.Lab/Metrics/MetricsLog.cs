using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Metrics;

/// <summary>What the metrics export logs (event ids 6000–6099).</summary>
internal static partial class MetricsLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Prometheus scrape endpoint listening on {Url}")]
    public static partial void Listening(ILogger logger, Uri url);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Exporting metrics over OTLP ({Protocol}) to {Endpoint}")]
    public static partial void ExportingOtlp(ILogger logger, string protocol, Uri endpoint);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "recording metrics for {What} failed; the run goes on")]
    public static partial void RecordFailed(ILogger logger, string what, Exception exception);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "stopping the metrics export failed")]
    public static partial void StopFailed(ILogger logger, Exception exception);
}
