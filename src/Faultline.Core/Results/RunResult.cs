using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;

namespace Faultline.Core.Results;

/// <summary>
/// What <c>result.json</c> holds — the one document the runner writes at the end of a run and <c>faultline report</c>
/// writes again from the journal, so both are the same shape (published as <c>schemas/result.schema.json</c>, see
/// docs/observing.md). Absolute times are wall times (ISO 8601, UTC), each with its lab-time offset from the run's
/// start beside it; a run without wall time (the simulated engine) omits them and keeps the offsets.
/// </summary>
public sealed record RunResult
{
    /// <summary>
    /// The version of this document's shape, <see cref="CurrentSchemaVersion"/>. It changes only when a field is
    /// removed, renamed or changes meaning or type; new optional fields keep it.
    /// </summary>
    public required int SchemaVersion { get; init; }

    /// <summary>The Faultline version that ran it (the assembly's informational version without build metadata, e.g. <c>0.1.0</c>).</summary>
    public required string ToolVersion { get; init; }

    /// <summary>The engine: <c>live</c> (the lab, on sockets and the wall clock), <c>simulated</c> (virtual time; <see cref="TimeScale"/> is 0) or <c>aws</c> (a real run read by <c>faultline analyze</c>).</summary>
    public required string Engine { get; init; }

    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The experiment file, as given.</summary>
    public required string Experiment { get; init; }

    /// <summary>The topology file.</summary>
    public required string Topology { get; init; }

    /// <summary>The seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Lab seconds per wall second; 0 for the simulated engine.</summary>
    public required double TimeScale { get; init; }

    /// <summary>The run's start (load on) in wall time, UTC; <c>null</c> (omitted) without wall time: simulated runs and journals written before wall time was kept.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>The run's start in lab time: the origin of every offset in the document. A simulated run's virtual clock starts at a fixed epoch, so this is the same for every seed.</summary>
    public required DateTimeOffset LabStartedAt { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunState FinalState { get; init; }

    /// <summary>Whether the journal is partial (the run did not finish); <c>null</c> (omitted) when it finished.</summary>
    public bool? Partial { get; init; }

    /// <summary>The verdict with checks, timeline, impact and diagnosis.</summary>
    public required ResultVerdict Verdict { get; init; }

    /// <summary>The shape this build writes: 1.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>
    /// The document of a run: <paramref name="header"/> names it and maps its lab times to wall time
    /// (<see cref="RunHeader.ToWall"/>), <paramref name="runStart"/> is the lab time offsets count from.
    /// </summary>
    public static RunResult Create(RunHeader header, DateTimeOffset runStart, RunState finalState, bool partial, RunVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(verdict);
        var times = new ResultTimes(header, runStart);
        return new RunResult
        {
            SchemaVersion = CurrentSchemaVersion,
            ToolVersion = header.ToolVersion,
            Engine = header.Engine,
            RunId = header.RunId,
            Experiment = header.ExperimentPath,
            Topology = header.TopologyPath,
            Seed = header.Seed,
            TimeScale = header.TimeScale,
            StartedAt = times.Wall(runStart),
            LabStartedAt = runStart,
            FinalState = finalState,
            Partial = partial ? true : null,
            Verdict = ResultVerdict.Of(verdict, times),
        };
    }
}
