using Faultline.Core.Faults;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Control;

/// <summary>Fault control log messages (event ids 2200–2299). Applies and reverts are audit-class.</summary>
internal static partial class FaultControlLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Fault control API listening on {Url}; token in {TokenFile}")]
    public static partial void Listening(ILogger logger, Uri url, string tokenFile);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Applied fault {Id} ({Kind}) on {Targets} for {Owner}, lease {Lease} of lab time")]
    public static partial void Applied(ILogger logger, string id, FaultKind kind, IReadOnlyList<string> targets, string owner, string lease);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Reverted fault {Id} ({Kind}) of {Owner}: {Reason}")]
    public static partial void Reverted(ILogger logger, string id, FaultKind kind, string owner, FaultRevertReason reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Rejected a control request to {Path}: missing or wrong token")]
    public static partial void Unauthorized(ILogger logger, string path);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error, Message = "Lease sweep failed")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Could not remove lab state file {Path}")]
    public static partial void CleanupFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information, Message = "Configured function {Function} for {Owner}")]
    public static partial void Configured(ILogger logger, string function, string owner);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Information, Message = "Restored function {Function} (changes of {Owner})")]
    public static partial void Restored(ILogger logger, string function, string owner);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Warning, Message = "Restored function {Function}: the configuration lease of {Owner} lapsed (its runner stopped renewing)")]
    public static partial void ConfigurationLeaseLapsed(ILogger logger, string function, string owner);

    /// <summary>The event id of <see cref="RequestFailed"/>, which error answers name.</summary>
    public const int RequestFailedEventId = 2209;

    [LoggerMessage(EventId = RequestFailedEventId, Level = LogLevel.Error, Message = "The fault control API failed to answer {Method} {Path}")]
    public static partial void RequestFailed(ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 2210, Level = LogLevel.Warning, Message = "Rejected a control request to {Path} addressed to host '{Host}': the API answers only for loopback names")]
    public static partial void Misdirected(ILogger logger, string path, string host);
}
