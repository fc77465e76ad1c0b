using Faultline.Core.Experiments.Execution;
using Faultline.Core.Host;
using Faultline.Core.Runs;
using Faultline.Core.Topology;

namespace Faultline.Lab.Runs.Labs;

/// <summary>
/// The lab a run drives, the one seam between <see cref="ExperimentRunner"/> and an engine: its own live lab
/// (<see cref="OwnRunLab"/>), a running lab reached over its control API (<see cref="RemoteRunLab"/>), or the
/// simulated lab in virtual time (<see cref="Simulation.SimulatedRunLab"/>). The runner owns the schedule, the
/// journal, the checks and the verdict; the lab owns lab time, the faults' effects, the customers' load and the
/// evidence it reports back through <see cref="IRunLabSink"/>.
/// </summary>
public interface IRunLab : IAsyncDisposable
{
    /// <summary>Which engine this is.</summary>
    RunEngine Engine { get; }

    /// <summary>Lab time.</summary>
    TimeProvider Time { get; }

    /// <summary>Lab seconds per wall second (live engines); 0 for the simulated engine, which has no wall time.</summary>
    double TimeScale { get; }

    /// <summary>How late the host may be before results are host-impaired; <c>null</c> when no host is involved.</summary>
    HostBudget? HostBudget { get; }

    /// <summary>The lab's control API, when it has one.</summary>
    Uri? ControlUrl { get; }

    /// <summary>Each health check's status when the lab started, as far as the lab tells it (a running lab's, polled); empty when it starts as the topology says.</summary>
    IReadOnlyDictionary<string, bool> InitialHealth { get; }

    /// <summary>Whether the lab belongs to this run (started and stopped with it).</summary>
    bool IsOwn { get; }

    /// <summary>Runs the whole run: live engines just await it; the simulated one drives its clock until it is done.</summary>
    Task<T> DriveAsync<T>(Func<Task<T>> run);

    /// <summary>Starts (or connects to) the lab; the evidence flows to <paramref name="sink"/> from here on.</summary>
    /// <returns>Where the scheduler's actions take effect.</returns>
    Task<IExperimentEffects> StartAsync(IRunLabSink sink, CancellationToken cancellationToken);

    /// <summary>Starts the customers' load (the run's initiation).</summary>
    Task StartLoadAsync(IReadOnlyList<ClientConfig> populations, CancellationToken cancellationToken);

    /// <summary>Ramps a population's rate linearly to <paramref name="toRate"/> over <paramref name="over"/> (lab time).</summary>
    void Ramp(string population, double toRate, TimeSpan over);

    /// <summary>
    /// Waits (boundedly) until <paramref name="delivered"/> says every population's seconds up to the end of the
    /// baseline reached the sink; <paramref name="nextSecond"/> completes when the next one arrives.
    /// </summary>
    /// <returns>Whether they all arrived (otherwise the gate judges what it has).</returns>
    Task<bool> CatchUpAsync(Func<bool> delivered, Func<Task> nextSecond, CancellationToken cancellationToken);

    /// <summary>Stops the load: no new sends; in-flight requests get the stop timeout; the last seconds reach the sink.</summary>
    Task StopLoadAsync(CancellationToken cancellationToken);

    /// <summary>Stops measuring the host: the run's evidence ends here.</summary>
    ValueTask StopHostTimingAsync();
}
