namespace Faultline.Core.Journal;

/// <summary>
/// What a run was started with, written first into its journal: enough to rebuild the experiment and topology
/// exactly as they were, even after the files on disk changed.
/// </summary>
public sealed record RunHeader
{
    /// <summary>The run id, e.g. <c>20261126-153012-hello-api-7f3a</c> (see <see cref="RunDirectory.NewRunId"/>).</summary>
    public required string RunId { get; init; }

    /// <summary>The experiment file's path as given.</summary>
    public required string ExperimentPath { get; init; }

    /// <summary>The experiment file's text.</summary>
    public required string ExperimentText { get; init; }

    /// <summary>The topology file's path (absolute, as the experiment resolved it).</summary>
    public required string TopologyPath { get; init; }

    /// <summary>The topology file's text.</summary>
    public required string TopologyText { get; init; }

    /// <summary>The seed of the run's random source.</summary>
    public required int Seed { get; init; }

    /// <summary>Lab seconds per wall second.</summary>
    public required double TimeScale { get; init; }

    /// <summary>When the run started, lab time.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>The Faultline version that wrote the journal, e.g. <c>0.1.0</c>.</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The engine that ran it: <c>live</c> (default) or <c>simulated</c>.</summary>
    public string Engine { get; init; } = "live";
}
