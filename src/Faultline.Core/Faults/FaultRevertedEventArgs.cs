namespace Faultline.Core.Faults;

/// <summary>Raised when a fault is reverted.</summary>
public sealed class FaultRevertedEventArgs(ActiveFault fault, FaultRevertReason reason, DateTimeOffset at) : EventArgs
{
    /// <summary>The fault reverted.</summary>
    public ActiveFault Fault { get; } = fault;

    /// <summary>Why it was reverted.</summary>
    public FaultRevertReason Reason { get; } = reason;

    /// <summary>When it was reverted (lab time).</summary>
    public DateTimeOffset At { get; } = at;
}
