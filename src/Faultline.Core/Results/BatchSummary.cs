using Faultline.Core.Simulation;

namespace Faultline.Core.Results;

/// <summary>
/// What a simulated batch's <c>summary.json</c> holds (<c>simulate --runs N</c>, <c>--set</c>): the experiment, the seeds
/// and one <see cref="SimulationSummary"/> per sweep point. Versioned like <see cref="RunResult"/>.
/// </summary>
public sealed record BatchSummary
{
    /// <summary>The version of this document's shape, <see cref="RunResult.CurrentSchemaVersion"/>; bumped under the same rule.</summary>
    public required int SchemaVersion { get; init; }

    /// <summary>The Faultline version that ran the batch.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>Always <c>simulated</c>.</summary>
    public required string Engine { get; init; }

    /// <summary>The experiment file, as given.</summary>
    public required string Experiment { get; init; }

    /// <summary>The topology file.</summary>
    public required string Topology { get; init; }

    /// <summary>The seeds every point ran with, in order.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>One summary per sweep point (one point without <c>--set</c>).</summary>
    public required IReadOnlyList<SimulationSummary> Points { get; init; }
}
