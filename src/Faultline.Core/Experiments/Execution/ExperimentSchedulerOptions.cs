namespace Faultline.Core.Experiments.Execution;

/// <summary>Options of an <see cref="ExperimentScheduler"/>.</summary>
public sealed record ExperimentSchedulerOptions
{
    /// <summary>The default lease of an applied fault: 30 s of lab time.</summary>
    public static readonly TimeSpan DefaultLease = TimeSpan.FromSeconds(30);

    /// <summary>The owner of every fault and configuration change the run makes: the run id.</summary>
    public required string Owner { get; init; }

    /// <summary>
    /// How long (lab time) an applied fault lives unless renewed; a killed runner's faults lapse after at most
    /// this long. Default 30 s.
    /// </summary>
    public TimeSpan Lease { get; init; } = DefaultLease;

    /// <summary>How often (lab time) leases are renewed. Default: a third of <see cref="Lease"/>.</summary>
    public TimeSpan? RenewInterval { get; init; }

    /// <summary>The stop reason used when the token given to <see cref="ExperimentScheduler.RunAsync"/> is cancelled. Default <c>interrupted</c>.</summary>
    public string InterruptedReason { get; init; } = "interrupted";

    /// <summary>
    /// The topology function targets are resolved against, once, when the fault phase (the FIS experiment) starts, so
    /// every action on a target acts on the same functions. Default <c>null</c>: each action hands its target to the
    /// effects as written (tests of sequencing only).
    /// </summary>
    public Topology.Topology? Topology { get; init; }

    /// <summary>
    /// The source target selection (<c>COUNT</c>/<c>PERCENT</c>) and the AWS timing delays (<see cref="AwsTiming"/>) are
    /// drawn from; derive it from the run's seeded source. Default a source seeded with 0.
    /// </summary>
    public Randomness.RandomSource Random { get; init; } = new(0);

    /// <summary>The renewal interval in effect.</summary>
    public TimeSpan EffectiveRenewInterval => RenewInterval ?? Lease / 3;
}
