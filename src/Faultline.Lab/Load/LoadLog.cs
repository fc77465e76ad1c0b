using System.Net;
using Faultline.Core.Resolving;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Load;

/// <summary>Log messages of the load generator (event ids 4000–4099).</summary>
internal static partial class LoadLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Information, Message = "Load {Population} from {Location} ({Source}): {Rate}/s to {Url}, {Reuse}, at most {MaxInFlight} in flight")]
    public static partial void Started(ILogger logger, string population, string location, IPAddress source, double rate, Uri url, Core.Topology.ConnectionReuse reuse, int maxInFlight);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Load {Population} stopped")]
    public static partial void Stopped(ILogger logger, string population);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Load {Population} ({Location}): {Host} now resolves to {Current} (was {Previous}), TTL {Ttl}")]
    public static partial void AnswerChanged(ILogger logger, string population, string location, string host, IReadOnlyList<IPAddress> current, IReadOnlyList<IPAddress> previous, TimeSpan ttl);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "A load metrics subscriber failed; the run goes on")]
    public static partial void SubscriberFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Load {Population}: abandoned {Count} in-flight requests after waiting {Waited} to stop")]
    public static partial void Abandoned(ILogger logger, string population, int count, TimeSpan waited);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Debug, Message = "Load {Population}: {Host} did not resolve: {Status}")]
    public static partial void LookupFailed(ILogger logger, string population, string host, DnsResolutionStatus status);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Load {Population}: rate {Rate}/s (ramp {Ramp})")]
    public static partial void RateChanged(ILogger logger, string population, double rate, TimeSpan ramp);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Load {Population}: a request failed unexpectedly; counted as an other error")]
    public static partial void RequestCrashed(ILogger logger, string population, Exception exception);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Debug, Message = "Load {Population}: the pacer thread runs with a {Slice} scheduler slice, so it preempts on waking")]
    public static partial void PacerSlice(ILogger logger, string population, TimeSpan slice);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Debug, Message = "Load {Population}: the pacer thread keeps the OS's default scheduler slice (no per-thread slice here)")]
    public static partial void PacerDefaultSlice(ILogger logger, string population);
}
