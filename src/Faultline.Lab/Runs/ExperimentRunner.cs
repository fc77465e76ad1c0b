using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Host;
using Faultline.Core.Journal;
using Faultline.Core.Load;
using Faultline.Core.Randomness;
using Faultline.Core.Results;
using Faultline.Core.Runs;
using Faultline.Core.Runs.Projection;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Core.Verdict;
using Faultline.Lab.Load;
using Faultline.Lab.Runs.Labs;
using Faultline.Lab.Simulation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Runs;

/// <summary>
/// Runs one experiment end to end on a lab (<see cref="IRunLab"/>: its own live lab, a running one, or the
/// simulated one): a run folder and journal, the customer load, the FIS-style schedule with its steady-state gate
/// and stop conditions, and at the end the checks, the verdict and <c>result.json</c>. Faults always revert: the
/// scheduler reverts them, the lab reverts whatever is left when it stops, and leases lapse if this process dies.
/// A fault the lab reverted early because the run's lease lapsed is reported to the scheduler at once; a lab that
/// stops answering ends the run as failed.
/// </summary>
public sealed class ExperimentRunner : IAsyncDisposable, IRunLabSink
{
    // Mixed into the run's seed for the scheduler's own source (any fixed value would do; it only has to stay fixed).
    private const int SchedulerSeedSalt = 0x0F15_5EED;

    private readonly Experiment _experiment;
    private readonly Topology _topology;
    private readonly RunOptions _options;
    private readonly IRunLab _lab;
    private readonly IRunObserver? _observer;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly RandomSource _random;
    private readonly RunProjection _projection;
    private readonly Lock _lock = new();
    private RunDirectory? _directory;
    private string _runId = string.Empty;
    private RunJournal? _journal;
    private ExperimentScheduler? _scheduler;
    private IReadOnlyList<CheckResult>? _steadyState;
    private TaskCompletionSource _trafficArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ExperimentRunner(Experiment experiment, Topology topology, RunOptions options, IRunLab lab, IRunObserver? observer, ILoggerFactory loggers)
    {
        _experiment = experiment;
        _topology = topology;
        _options = options;
        _lab = lab;
        _observer = observer;
        _logger = loggers.CreateLogger<ExperimentRunner>();
        _clock = lab.Time;
        _random = new RandomSource(options.Seed);
        _projection = new RunProjection(experiment, topology);
    }

    /// <inheritdoc />
    string IRunLabSink.RunId => _runId;

    /// <inheritdoc />
    RandomSource IRunLabSink.Random => _random;

    /// <inheritdoc />
    DateTimeOffset IRunLabSink.RunStart => _scheduler?.Phases?.RunStart ?? _journal?.Header.StartedAt ?? _clock.GetUtcNow();

    /// <summary>Runs the experiment on the lab its options name; cancelling the token stops it in order (faults reverted, state <c>stopped</c>).</summary>
    public static async Task<RunOutcome> RunAsync(Experiment experiment, Topology topology, RunOptions options, IRunObserver? observer, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        loggers ??= NullLoggerFactory.Instance;
        await using var lab = CreateLab(experiment, topology, options, loggers);
        return await RunAsync(experiment, topology, options, lab, observer, loggers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the experiment on <paramref name="lab"/> (the caller disposes it).</summary>
    public static async Task<RunOutcome> RunAsync(Experiment experiment, Topology topology, RunOptions options, IRunLab lab, IRunObserver? observer, ILoggerFactory? loggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lab);
        var runner = new ExperimentRunner(experiment, topology, options, lab, observer, loggers ?? NullLoggerFactory.Instance);
        return await lab.DriveAsync(async () =>
        {
            await using (runner.ConfigureAwait(false))
            {
                return await runner.RunAsync(cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The lab <paramref name="options"/> ask for: simulated, a running one (<see cref="RunOptions.LabUrl"/>), or the run's own.</summary>
    public static IRunLab CreateLab(Experiment experiment, Topology topology, RunOptions options, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        return options.Engine switch
        {
            RunEngine.Simulated => new SimulatedRunLab(topology, options.Seed),
            _ when options.LabUrl is not null => new RemoteRunLab(topology, options, loggers),
            _ => new OwnRunLab(topology, RunPopulations.Of(experiment, topology, LoadGeneratorOptions.DefaultRequestTimeout), options, loggers),
        };
    }

    /// <summary>Stops the scheduler and the load if still running; never throws. The lab is its owner's to dispose.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.DisposeAsync().ConfigureAwait(false);
        }

        await _lab.StopHostTimingAsync().ConfigureAwait(false);
        await _lab.StopLoadAsync(CancellationToken.None).ConfigureAwait(false);
        _journal?.Dispose();
    }

    /// <inheritdoc />
    void IRunLabSink.Record(RunEvent runEvent) => Record(runEvent);

    /// <inheritdoc />
    void IRunLabSink.ReportLapsed(string faultId, DateTimeOffset at) => _scheduler?.ReportLapsed(faultId, at);

    /// <inheritdoc />
    void IRunLabSink.Fail(RunProblem problem)
    {
        Record(problem);
        _ = _scheduler?.FailAsync(problem.Message);
    }

    private async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var name = Path.GetFileNameWithoutExtension(_options.ExperimentPath) is { Length: > 0 } file && file != "experiment" ? $"{_topology.Name}-{file}" : _topology.Name;
        if (_options.WriteRunFolder)
        {
            _directory = RunDirectory.Create(_options.RunsRoot, name, _clock, _random.Derive());
            _runId = _directory.RunId;
            var startedAt = _clock.GetUtcNow();
            _journal = RunJournal.Create(
                _directory.JournalPath,
                new RunHeader
                {
                    RunId = _directory.RunId,
                    ExperimentPath = _options.ExperimentPath,
                    ExperimentText = _options.ExperimentText,
                    TopologyPath = _options.TopologyPath,
                    TopologyText = _options.TopologyText,
                    Seed = _options.Seed,
                    TimeScale = _lab.TimeScale,
                    StartedAt = startedAt,

                    // Live lab time is the wall clock scaled from one origin, so one pair of readings maps every lab
                    // time to wall time; the simulated engine's virtual time has none.
                    WallStartedAt = _clock is ScaledTimeProvider scaled ? scaled.ToWallTime(startedAt) : null,
                    ToolVersion = _options.ToolVersion,
                    Engine = EngineName,
                },
                _clock,
                failure => RunLog.JournalWriteFailed(_logger, failure.Operation, failure.Audit, failure.Exception.Message),
                durable: _lab.Engine == RunEngine.Live);
        }
        else
        {
            // Measured only (simulated batches): the same draws as a written run, so its seed means the same run.
            _runId = RunDirectory.NewRunId(_clock.GetUtcNow(), name, _random.Derive());
        }

        // From here on, every lab second of a live engine says how well this host kept time: results that rest on
        // seconds it did not are host-impaired (docs/lab.md, "Host timing").
        var effects = await _lab.StartAsync(this, cancellationToken).ConfigureAwait(false);
        var schedulerOptions = new ExperimentSchedulerOptions
        {
            Owner = _runId,
            Lease = Lease(),
            Topology = _topology,

            // Its own source of the run's seed: target selection and the AWS timing draws move none of the load's,
            // the checkers' or the faults' draws, so a seed means the same run in both engines.
            Random = new RandomSource(unchecked(_options.Seed ^ SchedulerSeedSalt)),
        };
        _scheduler = new ExperimentScheduler(_experiment, effects, _clock, schedulerOptions, Record);
        var started = new RunStarted
        {
            RunId = _runId,
            Directory = _directory?.FullPath ?? string.Empty,
            LabTime = _clock,
            TimeScale = _lab.TimeScale,
            Seed = _options.Seed,
            ControlUrl = _lab.ControlUrl,
            Populations = Populations().Select(p => p.Name).ToArray(),
            OwnLab = _lab.IsOwn,
            HostBudget = _lab.HostBudget,
            Engine = _lab.Engine,
            State = _projection,
            InitialHealth = _lab.InitialHealth,
        };
        _projection.Start(started);
        Notify(o => o.OnStarted(started));

        var hooks = new ExperimentHooks
        {
            InitiateAsync = StartLoadAsync,
            SteadyStateAsync = SteadyStateAsync,
        };

        RunState finalState;
        try
        {
            finalState = await _scheduler.RunAsync(hooks, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _lab.StopLoadAsync(CancellationToken.None).ConfigureAwait(false);

            // The run's evidence ends here; seconds measured while it winds down would only be noise.
            await _lab.StopHostTimingAsync().ConfigureAwait(false);
        }

        var observations = Observe(finalState, RunEndPhases());

        // The steady state is what the gate saw before any fault; re-measured afterwards, the baseline's last
        // second would include requests the first fault already touched.
        var checks = CheckEvaluator.Evaluate(observations)
            .Select(c => c.IsSteadyState && _steadyState?.FirstOrDefault(s => s.Number == c.Number) is { } gate ? gate : c)
            .ToArray();
        var verdict = VerdictEngine.Decide(observations, checks);
        foreach (var check in checks)
        {
            Record(check.ToEvent(_clock.GetUtcNow()));
        }

        if (_journal is not null && _directory is not null)
        {
            _journal.WritePhases(observations.Phases);
            _journal.WriteCheckResults("final", checks);
            _journal.WriteVerdict(verdict);
            _journal.Complete(finalState);
            WriteResult(_directory, _journal, observations.Phases.RunStart, finalState, verdict);
        }

        _projection.Complete(verdict, finalState);

        return new RunOutcome
        {
            RunId = _runId,
            Directory = _directory?.FullPath ?? string.Empty,
            Verdict = verdict,
            FinalState = finalState,
            FailedJournalWrites = _journal?.FailedWrites ?? 0,
        };
    }

    // The same document `faultline report` writes again from the journal (RunResult), from the same header.
    private static void WriteResult(RunDirectory directory, RunJournal journal, DateTimeOffset runStart, RunState finalState, RunVerdict verdict) =>
        ResultJson.Write(directory.ResultPath, RunResult.Create(journal.Header, runStart, finalState, partial: false, verdict));

    private string EngineName => _lab.Engine == RunEngine.Simulated ? "simulated" : "live";

    // The simulated engine has no host to stall: its lease only has to outlast the run's own renewals.
    private TimeSpan Lease() => _lab.Engine == RunEngine.Simulated ? _options.Lease : _options.EffectiveLease(_lab.TimeScale);

    private IReadOnlyList<ClientConfig> Populations() => RunPopulations.Of(_experiment, _topology, LoadGeneratorOptions.DefaultRequestTimeout);

    private async Task StartLoadAsync(CancellationToken cancellationToken)
    {
        await _lab.StartLoadAsync(Populations(), cancellationToken).ConfigureAwait(false);
        foreach (var population in _experiment.Load.Populations.Where(p => p.RampFromPerSecond is not null && p.RampOver is not null))
        {
            var target = population.RatePerSecond ?? _topology.Clients.First(c => c.Name == population.Client).RatePerSecond;
            _lab.Ramp(population.Client, target, population.RampOver!.Value);
        }
    }

    private async Task<bool> SteadyStateAsync(CancellationToken cancellationToken)
    {
        var baselineEnd = _clock.GetUtcNow();
        Task NextSecond()
        {
            lock (_lock)
            {
                return _trafficArrived.Task;
            }
        }

        if (!await _lab.CatchUpAsync(() => AllDelivered(baselineEnd), NextSecond, cancellationToken).ConfigureAwait(false))
        {
            RunLog.SteadyStateEarly(_logger);
        }

        var phases = _scheduler!.Phases ?? new PhaseTimes { RunStart = baselineEnd };
        var observations = Observe(RunState.Running, phases);
        var results = HostImpairment.Mark(observations, CheckEvaluator.EvaluateSteadyState(observations, baselineEnd));
        _steadyState = results;
        _journal?.WriteCheckResults("steady-state", results);
        foreach (var result in results)
        {
            Record(result.ToEvent(baselineEnd));
        }

        return results.All(r => r.Passed == true);
    }

    private bool AllDelivered(DateTimeOffset until) =>
        Populations().All(p => _projection.DeliveredUntil(p.Name) is { } end && end >= until - TimeSpan.FromMilliseconds(500));

    private PhaseTimes RunEndPhases()
    {
        var now = _clock.GetUtcNow();
        var phases = _scheduler?.Phases ?? new PhaseTimes { RunStart = now };
        return phases.RunEnd is null ? phases with { RunEnd = now } : phases;
    }

    private RunObservations Observe(RunState state, PhaseTimes phases) => _projection.Observe(state, phases);

    /// <inheritdoc />
    public void OnSecond(LoadSecond second)
    {
        var fired = _projection.Record(second);
        TaskCompletionSource arrived;
        lock (_lock)
        {
            arrived = _trafficArrived;
            _trafficArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        _journal?.AppendSeconds([second]);
        Notify(o => o.OnSecond(second));
        foreach (var stop in fired)
        {
            Record(stop);
            _ = _scheduler?.StopAsync($"stop condition '{stop.Name}'");
        }
    }

    /// <inheritdoc />
    public void OnHostSecond(HostSecond second)
    {
        _projection.Record(second);
        _journal?.AppendHostSeconds([second]);
        Notify(o => o.OnHostSecond(second));
    }

    private void Record(RunEvent runEvent)
    {
        _projection.Record(runEvent);
        _journal?.AppendEvent(runEvent);
        Notify(o => o.OnEvent(runEvent));
    }

    private void Notify(Action<IRunObserver> call)
    {
        if (_observer is null)
        {
            return;
        }

        try
        {
            call(_observer);
        }
#pragma warning disable CA1031 // Observability never breaks a run (STYLE habit 9).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RunLog.ObserverFailed(_logger, ex);
        }
    }
}
