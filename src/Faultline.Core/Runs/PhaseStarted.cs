using Faultline.Core.Experiments;

namespace Faultline.Core.Runs;

/// <summary>A phase (baseline, fault, recovery) started; the previous one ended at the same moment.</summary>
public sealed record PhaseStarted : RunEvent
{
    /// <summary>The phase.</summary>
    public required Phase Phase { get; init; }
}
