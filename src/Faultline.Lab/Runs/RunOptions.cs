using Faultline.Core.Faults;

namespace Faultline.Lab.Runs;

/// <summary>How one run of an experiment is carried out.</summary>
public sealed record RunOptions
{
    /// <summary>Lab seconds per wall second.</summary>
    public required double TimeScale { get; init; }

    /// <summary>The seed of the run's one random source.</summary>
    public required int Seed { get; init; }

    /// <summary>The folder run folders go into. Default <c>runs</c>.</summary>
    public string RunsRoot { get; init; } = "runs";

    /// <summary>The experiment file's path and text, kept in the journal so a report can be rebuilt from it alone.</summary>
    public required string ExperimentPath { get; init; }

    /// <summary>The experiment file's text.</summary>
    public required string ExperimentText { get; init; }

    /// <summary>The topology file's path.</summary>
    public required string TopologyPath { get; init; }

    /// <summary>The topology file's text.</summary>
    public required string TopologyText { get; init; }

    /// <summary>A running lab's control URL; <c>null</c> starts a lab for the run.</summary>
    public Uri? LabUrl { get; init; }

    /// <summary>The running lab's token (with <see cref="LabUrl"/>).</summary>
    public string? LabToken { get; init; }

    /// <summary>The tool's version, journaled.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>How long applied faults live unless renewed (lab time), at least <see cref="MinimumLeaseWallTime"/> of wall time. Default 30 s.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The least wall time a lease lasts, whatever the time scale: at scale 20 a 30 s lease is 1.5 s of wall time, which
    /// a GC pause or a starved host can outlast, losing the fault mid-run. Default 10 s (200 s of lab time at scale 20),
    /// still short enough that a dead runner's faults lapse soon.
    /// </summary>
    public TimeSpan MinimumLeaseWallTime { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The lease in effect at <paramref name="timeScale"/>: <see cref="Lease"/>, or <see cref="MinimumLeaseWallTime"/> in lab
    /// time when that is longer, and never more than the lab's maximum lease (<see cref="FaultLimits.MaximumLease"/>).
    /// </summary>
    public TimeSpan EffectiveLease(double timeScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeScale);
        var floor = TimeSpan.FromTicks((long)Math.Min(MinimumLeaseWallTime.Ticks * timeScale, TimeSpan.MaxValue.Ticks / 2.0));
        var lease = Lease > floor ? Lease : floor;

        // The lab takes no lease longer than its maximum: at the highest time scales the floor is capped there.
        return lease < FaultLimits.MaximumLease ? lease : FaultLimits.MaximumLease;
    }

    /// <summary>
    /// With <see cref="LabUrl"/>: how long (wall time) the lab's health poll must keep failing, over at least
    /// <see cref="LabUnreachablePolls"/> polls in a row, before the lab counts as unreachable and the run ends. Default 3 s.
    /// </summary>
    public TimeSpan LabUnreachableAfter { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>With <see cref="LabUrl"/>: how many health polls in a row (one per lab second) must fail before the lab counts as unreachable. Default 3.</summary>
    public int LabUnreachablePolls { get; init; } = 3;

    /// <summary>How long (wall time) one call to a running lab's control API may take before it counts as failed. Default 10 s.</summary>
    public TimeSpan LabCallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wall clock (tests may pass another). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    /// <summary>Which engine runs the experiment: <see cref="Core.Runs.RunEngine.Live"/> (default) or <see cref="Core.Runs.RunEngine.Simulated"/> (virtual time; <see cref="TimeScale"/>, <see cref="LabUrl"/> and the wall clock are not used).</summary>
    public Core.Runs.RunEngine Engine { get; init; } = Core.Runs.RunEngine.Live;

    /// <summary>Whether the run writes its folder (journal.db, result.json). Default <c>true</c>; simulated batches measure runs without one unless asked to keep them.</summary>
    public bool WriteRunFolder { get; init; } = true;
}
