namespace Faultline.Core.Runs;

/// <summary>A fault was reverted (audit-class: must not be lost).</summary>
public sealed record FaultRevertedEvent : RunEvent
{
    /// <summary>The lab's fault id.</summary>
    public required string FaultId { get; init; }

    /// <summary>Why: <c>completed</c>, <c>stopped</c>, <c>lease-expired</c>, <c>removed</c>, <c>reset</c>.</summary>
    public required string Reason { get; init; }
}
