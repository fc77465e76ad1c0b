using System.Text.Json.Serialization;

namespace Faultline.Core.Runs;

/// <summary>What kind of <see cref="RunProblem"/> a run met; serialized kebab-case (<c>lease-lapsed</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunProblemKind>))]
public enum RunProblemKind
{
    /// <summary>The lab reverted a fault or configuration change of the run early because its lease lapsed (the runner was paused or starved).</summary>
    LeaseLapsed,

    /// <summary>The lab stopped answering; the run was ended.</summary>
    LabUnreachable,

    /// <summary>A fault could not be reverted, or a configuration change undone: it may have outlived its window.</summary>
    RevertFailed,

    /// <summary>A lease could not be renewed: the runner cannot tell whether the fault held.</summary>
    RenewFailed,

    /// <summary>An event sink (the journal, an observer) failed; the evidence itself is intact.</summary>
    SinkFailed,

    /// <summary>The host could not keep the run's time scale while evidence was gathered.</summary>
    HostImpaired,

    /// <summary>Anything else worth knowing, e.g. faults the end-of-run sweep still found active.</summary>
    Other,
}
