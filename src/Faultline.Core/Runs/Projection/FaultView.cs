using Faultline.Core.Faults;

namespace Faultline.Core.Runs.Projection;

/// <summary>A fault the run applied.</summary>
/// <param name="Id">The lab's fault id.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Action">The action that applied it, if any.</param>
/// <param name="Targets">The resolved targets.</param>
/// <param name="Start">When it was applied (lab time).</param>
/// <param name="End">When it was reverted; <c>null</c> while active.</param>
/// <param name="RevertReason">Why it was reverted (<c>completed</c>, <c>stopped</c>, <c>lease-expired</c>, …); <c>null</c> while active.</param>
public sealed record FaultView(string Id, FaultKind Kind, string? Action, IReadOnlyList<string> Targets, DateTimeOffset Start, DateTimeOffset? End, string? RevertReason)
{
    /// <summary>Whether it is still applied.</summary>
    public bool Active => End is null;
}
