using Faultline.Core.Experiments;

namespace Faultline.Core.Runs;

/// <summary>When each phase started and ended (lab time); <c>null</c> for a phase that never started or ended.</summary>
public sealed record PhaseTimes
{
    /// <summary>The run's start (load on).</summary>
    public required DateTimeOffset RunStart { get; init; }

    /// <summary>The run's end (load off), or <c>null</c> while running.</summary>
    public DateTimeOffset? RunEnd { get; init; }

    /// <summary>The first action's start.</summary>
    public DateTimeOffset? FaultStart { get; init; }

    /// <summary>The last action's end.</summary>
    public DateTimeOffset? FaultEnd { get; init; }

    /// <summary>The moment a phase edge falls on, or <c>null</c> when that edge was never reached.</summary>
    public DateTimeOffset? At(Phase phase, PhaseEdgeKind edge) => (phase, edge) switch
    {
        (Phase.Run, PhaseEdgeKind.Start) or (Phase.Baseline, PhaseEdgeKind.Start) => RunStart,
        (Phase.Run, PhaseEdgeKind.End) or (Phase.Recovery, PhaseEdgeKind.End) => RunEnd,
        (Phase.Baseline, PhaseEdgeKind.End) or (Phase.Fault, PhaseEdgeKind.Start) => FaultStart,
        _ => FaultEnd,
    };

    /// <summary>The moment a phase edge with its offset falls on, or <c>null</c>.</summary>
    public DateTimeOffset? At(PhaseEdge edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return At(edge.Phase, edge.Edge) + edge.Offset;
    }
}
