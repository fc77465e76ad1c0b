using System.Text.Json.Serialization;

namespace Faultline.Core.Verdict;

/// <summary>What a timeline entry marks; charts draw some kinds as vertical markers.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TimelineEntryKind>))]
public enum TimelineEntryKind
{
    /// <summary>The run changed state.</summary>
    RunState,
    /// <summary>A phase started or ended.</summary>
    Phase,
    /// <summary>A fault was applied.</summary>
    FaultStart,
    /// <summary>A fault was reverted.</summary>
    FaultEnd,
    /// <summary>A configure action changed a function.</summary>
    Configuration,
    /// <summary>An action failed or was skipped.</summary>
    Action,
    /// <summary>A population's first failed request.</summary>
    FirstError,
    /// <summary>A population's last failed request.</summary>
    LastError,
    /// <summary>A health check flipped.</summary>
    HealthFlip,
    /// <summary>A health check's probes started reaching another address.</summary>
    HealthProbeTarget,
    /// <summary>A location got another DNS answer for a name.</summary>
    DnsAnswer,
    /// <summary>A stop condition fired.</summary>
    StopCondition,
    /// <summary>Something went wrong with the run itself (a lapsed lease, a lab that stopped answering).</summary>
    Problem,
}
