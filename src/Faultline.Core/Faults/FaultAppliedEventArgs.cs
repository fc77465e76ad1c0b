namespace Faultline.Core.Faults;

/// <summary>Raised when a fault is applied.</summary>
public sealed class FaultAppliedEventArgs(ActiveFault fault) : EventArgs
{
    /// <summary>The fault applied.</summary>
    public ActiveFault Fault { get; } = fault;
}
