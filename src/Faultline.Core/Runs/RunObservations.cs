using Faultline.Core.Experiments;
using Faultline.Core.Host;
using Faultline.Core.Load;

namespace Faultline.Core.Runs;

/// <summary>
/// Everything a run observed, in lab time: its phases, its events, and per-second traffic per population.
/// The verdict is computed from this alone, so a live run, a replayed journal and a simulation give the same verdict.
/// </summary>
public sealed record RunObservations
{
    /// <summary>The experiment run.</summary>
    public required Experiment Experiment { get; init; }

    /// <summary>The topology it ran against.</summary>
    public required Topology.Topology Topology { get; init; }

    /// <summary>The phases' edges.</summary>
    public required PhaseTimes Phases { get; init; }

    /// <summary>Every event, in time order.</summary>
    public required IReadOnlyList<RunEvent> Events { get; init; }

    /// <summary>Per-second traffic of every population, in time order.</summary>
    public required IReadOnlyList<LoadSecond> Traffic { get; init; }

    /// <summary>How well the host kept lab time, per lab second, in time order; empty when not measured (older journals).</summary>
    public IReadOnlyList<HostSecond> Host { get; init; } = [];

    /// <summary>How late the host may run the lab clock before results are host-impaired; <c>null</c> when not measured.</summary>
    public HostBudget? HostBudget { get; init; }

    /// <summary>How the run ended.</summary>
    public RunState FinalState { get; init; } = RunState.Completed;

    /// <summary>Whether the journal this was read from is partial (the run was killed).</summary>
    public bool Partial { get; init; }
}
