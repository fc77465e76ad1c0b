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

    /// <summary>
    /// The wall time (UTC) at the lab time <see cref="StartedAt"/>: with <see cref="TimeScale"/> it maps every lab time of
    /// the run to wall time (<see cref="ToWall"/>). <c>null</c> for a simulated run, whose virtual time has no wall time,
    /// and for journals written before it was kept. Default <c>null</c>.
    /// </summary>
    public DateTimeOffset? WallStartedAt { get; init; }

    /// <summary>
    /// The wall time of lab time <paramref name="labTime"/>: lab time runs <see cref="TimeScale"/> times faster than the wall
    /// clock from the moment they were both read (<see cref="StartedAt"/>, <see cref="WallStartedAt"/>), so a lab span is
    /// divided by the scale. <c>null</c> when the run has no wall time.
    /// </summary>
    public DateTimeOffset? ToWall(DateTimeOffset labTime) =>
        WallStartedAt is not { } wall || TimeScale <= 0 ? null : wall + TimeSpan.FromTicks((long)Math.Round((labTime - StartedAt).Ticks / TimeScale));
}
