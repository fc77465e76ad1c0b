using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;
using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// Runs one experiment's timeline on lab time with FIS semantics: <c>baseline</c> (load, no faults) → the
/// steady-state gate → <c>fault</c> (the action graph) → <c>recovery</c>. An action without <c>startAfter</c>
/// starts when the fault phase starts, the others when all their predecessors completed; an action completes
/// when its duration has elapsed (configure steps and actions without a duration at once). A failed action
/// fails the run. <see cref="StopAsync"/> (a stop condition, Ctrl-C) stops running actions, cancels pending
/// ones, reverts every fault and undoes every configuration change. Applied faults carry a lease renewed
/// while the scheduler lives, so a killed runner's faults lapse on their own. A fault the lab reverted early because
/// its lease lapsed (a renewal answered "gone", a revert found nothing, or the runner reported the lab's expiry with
/// <see cref="ReportLapsed"/>) is journaled as reverted with reason <c>lease-expired</c> at the moment it lapsed, and
/// raised as a <see cref="RunProblem"/>; <see cref="FailAsync"/> ends the run as failed (the lab stopped answering).
/// </summary>
/// <remarks>
/// The coordinator of a run (docs/architecture.md, "The experiment scheduler"): the <see cref="ActionGraph"/> says what
/// may start, <see cref="Lifecycles"/> which state may follow which, the <see cref="LeaseRenewer"/> keeps leases alive,
/// the <see cref="ConfigurationLedger"/> knows how to undo configuration, the <see cref="RunEventLog"/> keeps and sinks
/// the events. One loop owns every state change, so events come in a consistent order; a stop only asks the loop to
/// stop and waits for it. Effects are not cancelled half-way: a stop is acted on between effects, so a fault being
/// applied is known, and reverted, before the run ends.
/// </remarks>
public sealed partial class ExperimentScheduler : IAsyncDisposable
{
    /// <summary>The <see cref="ConfigurationChanged.Action"/> of the end-of-run restore.</summary>
    public const string UndoAction = "undo";

    /// <summary>The <see cref="FaultRevertedEvent.Reason"/> of a fault the lab reverted because its lease lapsed.</summary>
    public const string LeaseExpiredReason = "lease-expired";

    private readonly Experiment _experiment;
    private readonly IExperimentEffects _effects;
    private readonly TimeProvider _time;
    private readonly ExperimentSchedulerOptions _options;
    private readonly Lock _lock = new();
    private readonly RunEventLog _log;
    private readonly ActionGraph _graph;
    private readonly List<ActionRun> _actions;
    private readonly Dictionary<string, ActionRun> _byName;
    private readonly ResolvedTargets _targets;
    private readonly ConfigurationLedger _ledger = new();
    private readonly LeaseRenewer _renewer;
    private readonly StateMachine<RunState> _lifecycle = Lifecycles.NewRun();
    private readonly Dictionary<string, ActiveFault> _applied = new(StringComparer.Ordinal);
    private readonly List<PendingApply> _pendingApplies = [];
    private readonly List<PendingRevert> _pendingReverts = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<RunState> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _stopReason;
    private string? _failReason;
    private string? _reason;
    private string? _endReason;
    private PhaseTimes? _phases;
    private bool _applyAttempted;
    private int _started;

    /// <summary>Creates a scheduler for one run of <paramref name="experiment"/>.</summary>
    /// <param name="experiment">The experiment; its targets and action graph are checked here.</param>
    /// <param name="effects">Where actions take effect.</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="options">The owner (run id) and the lease.</param>
    /// <param name="onEvent">Called with every event, in order (the journal); its failures become <see cref="RunProblemKind.SinkFailed"/> problems in <see cref="Problems"/>.</param>
    /// <exception cref="InvalidInputException">An action names an unknown target or predecessor, a name repeats, an action starts after itself, or the graph has a cycle.</exception>
    public ExperimentScheduler(Experiment experiment, IExperimentEffects effects, TimeProvider timeProvider, ExperimentSchedulerOptions options, Action<RunEvent>? onEvent = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(effects);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Owner);
        if (options.Lease <= TimeSpan.Zero || options.EffectiveRenewInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "the lease and the renew interval must be positive");
        }

        _experiment = experiment;
        _effects = effects;
        _time = timeProvider;
        _options = options;
        _log = new RunEventLog(timeProvider, onEvent);
        _actions = experiment.Actions.Select(a => new ActionRun(a, TargetOf(experiment, a))).ToList();
        _graph = ActionGraph.Build(experiment.Actions);
        _byName = _actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        _targets = new ResolvedTargets(options.Topology, options.Random);
        _renewer = new LeaseRenewer(effects, timeProvider, options, _ledger, Lapsed, _log.AddProblem, SinceRunStart);
    }

    /// <summary>The run's state.</summary>
    public RunState State
    {
        get
        {
            lock (_lock)
            {
                return _lifecycle.State;
            }
        }
    }

    /// <summary>Why the run ended as it did (stop reason, failure, steady state not met), or <c>null</c>.</summary>
    public string? Reason
    {
        get
        {
            lock (_lock)
            {
                return _reason;
            }
        }
    }

    /// <summary>Each action's state, by name.</summary>
    public IReadOnlyDictionary<string, ActionState> ActionStates
    {
        get
        {
            lock (_lock)
            {
                return _actions.ToDictionary(a => a.Name, a => a.State, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The phases' edges so far, or <c>null</c> before the baseline starts.</summary>
    public PhaseTimes? Phases
    {
        get
        {
            lock (_lock)
            {
                return _phases;
            }
        }
    }

    /// <summary>Every event raised so far, in order.</summary>
    public IReadOnlyList<RunEvent> Events => _log.Events;

    /// <summary>
    /// The problems raised so far (each also in <see cref="Events"/> and sent to the sink): a lapsed lease, a revert
    /// or renewal that failed, an event sink that threw. One per kind and subject.
    /// </summary>
    public IReadOnlyList<RunProblem> Problems => _log.Problems;

    /// <summary>The faults applied and not yet reverted, by id.</summary>
    public IReadOnlyList<ActiveFault> AppliedFaults
    {
        get
        {
            lock (_lock)
            {
                return _applied.Values.ToArray();
            }
        }
    }

    /// <summary>Completes with the final state when the run ends.</summary>
    public Task<RunState> Completion => _finished.Task;

    private DateTimeOffset Now => _time.GetUtcNow();

    private bool StopRequested => _stop.IsCancellationRequested;

    /// <summary>Runs the whole timeline; call once.</summary>
    /// <param name="hooks">Initiation and the steady-state gate; default none.</param>
    /// <param name="cancellationToken">Cancelling it stops the run as <see cref="StopAsync"/> does (Ctrl-C), with <see cref="ExperimentSchedulerOptions.InterruptedReason"/>.</param>
    /// <returns>The final state: <c>Completed</c>, <c>Stopped</c>, <c>Failed</c> or <c>Cancelled</c>.</returns>
    public async Task<RunState> RunAsync(ExperimentHooks? hooks, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A scheduler runs once; create another for another run.");
        }

        hooks ??= ExperimentHooks.None;
        using var registration = cancellationToken.Register(() => RequestStop(_options.InterruptedReason));
        RunState final;
        try
        {
            final = await RunTimelineAsync(hooks).ConfigureAwait(false);
        }
        finally
        {
            await _renewer.DisposeAsync().ConfigureAwait(false);
        }

        _finished.TrySetResult(final);
        return final;
    }

    /// <summary>
    /// Stops the run (a stop condition fired, or the user interrupted): running actions stop, pending ones are
    /// cancelled, every fault is reverted and every configuration change undone. Returns when the run has ended.
    /// The first reason given wins.
    /// </summary>
    public async Task<RunState> StopAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RequestStop(reason);
        return Volatile.Read(ref _started) == 0 ? State : await _finished.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Ends the run as failed (the lab stopped answering): running actions stop, pending ones are cancelled, and
    /// every fault is reverted and configuration undone as far as the lab still answers. Returns when the run has ended.
    /// </summary>
    public async Task<RunState> FailAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        lock (_lock)
        {
            _failReason ??= reason;
        }

        RequestStop(reason);
        return Volatile.Read(ref _started) == 0 ? State : await _finished.Task.ConfigureAwait(false);
    }

    /// <summary>
    /// Reports that the lab reverted one of this run's faults because its lease lapsed (e.g. seen on the lab's fault
    /// store). The fault is journaled as reverted (<c>lease-expired</c>) at <paramref name="at"/> and a
    /// <see cref="RunProblemKind.LeaseLapsed"/> problem is raised, once; a fault the run already reverted is ignored.
    /// </summary>
    /// <param name="faultId">The lab's fault id.</param>
    /// <param name="at">When its lease lapsed (lab time).</param>
    public void ReportLapsed(string faultId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(faultId);
        Lapsed(faultId, at);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        RequestStop("disposed");
        if (Volatile.Read(ref _started) != 0)
        {
            await _finished.Task.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static TargetDefinition? TargetOf(Experiment experiment, ActionDefinition action)
    {
        var name = action switch
        {
            FaultAction fault => fault.Target,
            ConfigureAction configure => configure.Target,
            _ => null,
        };
        if (name is null)
        {
            return null;
        }

        return experiment.FindTarget(name)
            ?? throw new InvalidInputException($"action '{action.Name}' names target '{name}', which is not defined; defined targets: {string.Join(", ", experiment.Targets.Select(t => t.Name))}");
    }

    private void RequestStop(string reason)
    {
        lock (_lock)
        {
            _stopReason ??= reason;
        }

        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed: the run has ended already.
        }
    }

    private void SetPhases(Func<PhaseTimes?, PhaseTimes> change)
    {
        lock (_lock)
        {
            _phases = change(_phases);
        }
    }

    private TimeSpan SinceRunStart()
    {
        lock (_lock)
        {
            var now = Now;
            return now - (_phases?.RunStart ?? now);
        }
    }

    /// <summary>Moves the run along its lifecycle (<see cref="Lifecycles.Run"/>) and journals it.</summary>
    private void SetRunState(RunState state, string? reason)
    {
        lock (_lock)
        {
            _lifecycle.MoveTo(state);
            if (reason is not null)
            {
                _reason = reason;
            }
        }

        Emit(new RunStateChanged { At = Now, State = state, Reason = reason });
    }

    /// <summary>Moves an action along its lifecycle (<see cref="Lifecycles.Action"/>) and journals it.</summary>
    private void SetActionState(ActionRun action, ActionState state, string? detail)
    {
        lock (_lock)
        {
            action.MoveTo(state);
        }

        Emit(new ActionStateChanged { At = Now, Action = action.Name, State = state, Detail = detail });
    }

    private void Emit(RunEvent runEvent) => _log.Emit(runEvent);

    private void AddProblem(RunProblem problem) => _log.AddProblem(problem);
}
