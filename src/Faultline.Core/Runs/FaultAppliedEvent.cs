using Faultline.Core.Faults;

namespace Faultline.Core.Runs;

/// <summary>A fault was applied to the lab (audit-class: must not be lost).</summary>
public sealed record FaultAppliedEvent : RunEvent
{
    /// <summary>The lab's fault id.</summary>
    public required string FaultId { get; init; }

    /// <summary>The action that applied it, if any.</summary>
    public string? Action { get; init; }

    /// <summary>The kind.</summary>
    public required FaultKind Kind { get; init; }

    /// <summary>The resolved targets (function ids, regions, a record, a check).</summary>
    public required IReadOnlyList<string> Targets { get; init; }
}
