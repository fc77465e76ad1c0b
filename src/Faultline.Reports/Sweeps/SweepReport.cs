using Faultline.Core.Simulation;

namespace Faultline.Reports.Sweeps;

/// <summary>
/// What a simulated batch's <c>report.html</c> shows (<c>simulate --runs N</c>, with or without <c>--set</c>):
/// the experiment, the seeds, the engine's cost and, per sweep point, its summary over the seeds.
/// </summary>
public sealed record SweepReport
{
    /// <summary>The experiment's hypothesis.</summary>
    public required string Hypothesis { get; init; }

    /// <summary>The experiment file's path.</summary>
    public required string ExperimentPath { get; init; }

    /// <summary>The topology's name.</summary>
    public required string TopologyName { get; init; }

    /// <summary>The topology file's path.</summary>
    public required string TopologyPath { get; init; }

    /// <summary>The seeds every point ran, in order.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Wall time the whole batch took (its one figure that depends on the machine).</summary>
    public required TimeSpan WallTime { get; init; }

    /// <summary>The faultline version that ran it.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>Each sweep point's summary, in sweep order (one point without <c>--set</c>); at least one.</summary>
    public required IReadOnlyList<SimulationSummary> Points { get; init; }

    /// <summary>Per point (in <see cref="Points"/>' order), its kept runs; empty (the default) when runs were not kept.</summary>
    public IReadOnlyList<IReadOnlyList<SweepRun>> Runs { get; init; } = [];
}
