using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;
using Faultline.Core.Runs;
using Faultline.Core.Time;

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
/// One loop owns every state change, so events come in a consistent order; a stop only asks the loop to stop
/// and waits for it. Every state change, phase start, fault apply/revert and configuration change is raised
/// to the event sink and kept in <see cref="Events"/>. Effects are not cancelled half-way: a stop is acted on
/// between effects, so a fault being applied is known, and reverted, before the run ends.
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
    private readonly Action<RunEvent>? _sink;
    private readonly Lock _lock = new();
    private readonly List<RunEvent> _events = [];
    private readonly HashSet<(RunProblemKind Kind, string? Subject)> _problemKeys = [];
    private readonly Dictionary<string, DateTimeOffset> _leaseUntil = new(StringComparer.Ordinal);
    private readonly List<ActionRun> _actions;
    private readonly Dictionary<string, ActionRun> _byName;
    private readonly List<string> _touchedFunctions = [];
    private readonly Dictionary<string, FunctionConfiguration> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FunctionConfiguration> _currents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveFault> _applied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TargetDefinition>> _resolved = new(StringComparer.Ordinal);
    private readonly List<PendingApply> _pendingApplies = [];
    private readonly List<PendingRevert> _pendingReverts = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<RunState> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _renewer;
    private string? _stopReason;
    private string? _failReason;
    private string? _reason;
    private string? _endReason;
    private RunState _state = RunState.Pending;
    private PhaseTimes? _phases;
    private bool _applyAttempted;
    private int _started;
    private int _renewing;

    /// <summary>Creates a scheduler for one run of <paramref name="experiment"/>.</summary>
    /// <param name="experiment">The experiment; its targets and action graph are checked here.</param>
    /// <param name="effects">Where actions take effect.</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="options">The owner (run id) and the lease.</param>
    /// <param name="onEvent">Called with every event, in order (the journal); its failures become <see cref="RunProblemKind.SinkFailed"/> problems in <see cref="Problems"/>.</param>
    /// <exception cref="InvalidInputException">An action names an unknown target or predecessor, a name repeats, or the graph has a cycle.</exception>
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
        _sink = onEvent;
        _actions = experiment.Actions.Select(a => new ActionRun(a, TargetOf(experiment, a))).ToList();
        _byName = new Dictionary<string, ActionRun>(StringComparer.Ordinal);
        foreach (var action in _actions)
        {
            if (!_byName.TryAdd(action.Name, action))
            {
                throw new InvalidInputException($"action '{action.Name}' is defined twice; action names must be unique");
            }
        }

        CheckGraph();
    }

    /// <summary>The run's state.</summary>
    public RunState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
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
    public IReadOnlyList<RunEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>
    /// The problems raised so far (each also in <see cref="Events"/> and sent to the sink): a lapsed lease, a revert
    /// or renewal that failed, an event sink that threw. One per kind and subject.
    /// </summary>
    public IReadOnlyList<RunProblem> Problems
    {
        get
        {
            lock (_lock)
            {
                return _events.OfType<RunProblem>().ToArray();
            }
        }
    }

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
            if (_renewer is not null)
            {
                await _renewer.DisposeAsync().ConfigureAwait(false);
            }
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

    private static string Describe(IReadOnlyList<string> targets) => targets.Count == 0 ? "no targets" : "targets: " + string.Join(", ", targets);

    private void CheckGraph()
    {
        foreach (var action in _actions)
        {
            foreach (var predecessor in action.Definition.StartAfter)
            {
                if (!_byName.ContainsKey(predecessor))
                {
                    throw new InvalidInputException($"action '{action.Name}' starts after '{predecessor}', which is not defined; defined actions: {string.Join(", ", _byName.Keys)}");
                }
            }
        }

        // Kahn's algorithm: whatever is left unsorted sits on a cycle and could never start.
        var remaining = _actions.ToDictionary(a => a.Name, a => a.Definition.StartAfter.Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var ready = new Queue<string>(remaining.Where(p => p.Value == 0).Select(p => p.Key));
        while (ready.TryDequeue(out var name))
        {
            remaining.Remove(name);
            foreach (var successor in _actions.Where(a => a.Definition.StartAfter.Contains(name, StringComparer.Ordinal)))
            {
                if (--remaining[successor.Name] == 0)
                {
                    ready.Enqueue(successor.Name);
                }
            }
        }

        if (remaining.Count > 0)
        {
            throw new InvalidInputException($"actions {string.Join(", ", remaining.Keys.Order(StringComparer.Ordinal))} start after each other in a cycle; none of them could ever start");
        }
    }

    private async Task<RunState> RunTimelineAsync(ExperimentHooks hooks)
    {
        SetRunState(RunState.Initiating, null);
        if (hooks.InitiateAsync is { } initiate)
        {
            try
            {
                await initiate(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (StopRequested)
            {
            }
#pragma warning disable CA1031 // Any failure to initiate is the run's failure, reported in its reason.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return await FinishFailedAsync($"could not initiate the run: {ex.Message}").ConfigureAwait(false);
            }
        }

        lock (_lock)
        {
            _phases = new PhaseTimes { RunStart = Now };
        }

        if (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        SetRunState(RunState.Running, null);
        Emit(new PhaseStarted { At = Now, Phase = Phase.Baseline });
        StartRenewer();
        if (!await WaitAsync(_experiment.Load.Baseline).ConfigureAwait(false))
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        bool steady;
        try
        {
            steady = hooks.SteadyStateAsync is null || await hooks.SteadyStateAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A gate that cannot decide fails the run; nothing was injected yet.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await FinishFailedAsync($"the steady-state checks could not be evaluated: {ex.Message}").ConfigureAwait(false);
        }

        if (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        if (!steady)
        {
            return FinishCancelled("steady state not met before any fault: the baseline checks failed, so nothing was injected");
        }

        lock (_lock)
        {
            _phases = _phases! with { FaultStart = Now };
        }

        Emit(new PhaseStarted { At = Now, Phase = Phase.Fault });
        var failure = ResolveTargets() ?? await RunGraphAsync().ConfigureAwait(false);
        if (failure is not null)
        {
            return await FinishFailedAsync(failure).ConfigureAwait(false);
        }

        if (StopRequested)
        {
            return await FinishStoppedAsync().ConfigureAwait(false);
        }

        // The fault phase ends with the last action; a configuration left in place would leak into recovery.
        await UndoConfigurationAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _phases = _phases! with { FaultEnd = Now };
        }

        Emit(new PhaseStarted { At = Now, Phase = Phase.Recovery });
        var until = Now + _experiment.Load.Recovery;
        while (Now < until || DueReverts().Length > 0)
        {
            await RevertDueAsync().ConfigureAwait(false);
            var next = NextTimer() is { } timer && timer < until ? timer : until;
            if (Now >= until)
            {
                break;
            }

            if (!await WaitAsync(next - Now).ConfigureAwait(false))
            {
                return await FinishStoppedAsync().ConfigureAwait(false);
            }
        }

        // A recovery shorter than the ramp-down: what the extension would still inject stops with the run.
        await RevertPendingNowAsync().ConfigureAwait(false);
        await SweepOwnerAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _phases = _phases! with { RunEnd = Now };
        }

        SetRunState(RunState.Completed, null);
        return RunState.Completed;
    }

    /// <returns>A failure message, or <c>null</c> when every action ended or a stop was requested.</returns>
    private async Task<string?> RunGraphAsync()
    {
        while (!StopRequested)
        {
            var progressed = true;
            while (progressed && !StopRequested)
            {
                progressed = false;
                if (await ApplyDueAsync().ConfigureAwait(false) is { } late)
                {
                    return late;
                }

                await RevertDueAsync().ConfigureAwait(false);
                foreach (var action in _actions.Where(a => a.State == ActionState.Running && a.EndsAt <= Now).ToArray())
                {
                    if (await CompleteAsync(action).ConfigureAwait(false) is { } failed)
                    {
                        return failed;
                    }

                    progressed = true;
                }

                foreach (var action in _actions.Where(a => a.State == ActionState.Pending && a.Definition.StartAfter.All(p => _byName[p].State == ActionState.Completed)).ToArray())
                {
                    if (StopRequested)
                    {
                        return null;
                    }

                    var failure = await StartAsync(action).ConfigureAwait(false);
                    if (failure is not null)
                    {
                        return failure;
                    }

                    progressed = true;
                }
            }

            var running = _actions.Where(a => a.State == ActionState.Running).ToArray();
            if (running.Length == 0)
            {
                // Every action ended (the graph was checked: no pending action can be left unreachable).
                return null;
            }

            var next = running.Min(a => a.EndsAt);
            if (NextTimer() is { } timer && timer < next)
            {
                next = timer;
            }

            if (!await WaitAsync(next - Now).ConfigureAwait(false))
            {
                return null;
            }
        }

        return null;
    }

    private async Task<string?> StartAsync(ActionRun action)
    {
        SetActionState(action, ActionState.Initiating, null);
        string? detail = null;
        var endsAt = Now + (action.Definition.Duration ?? TimeSpan.Zero);
        try
        {
            switch (action.Definition)
            {
                case FaultAction fault:
                    lock (_lock)
                    {
                        _applyAttempted = true;
                    }

                    var rampUp = ExecutionTargets.ReachesThroughFisExtension(fault, action.Target!) ? _experiment.AwsTiming.LambdaRampUp : TimeSpan.Zero;
                    var later = new List<string>();
                    foreach (var unit in UnitsOf(action))
                    {
                        var delay = Draw(rampUp);
                        if (delay <= TimeSpan.Zero)
                        {
                            await ApplyAsync(action, fault, unit).ConfigureAwait(false);
                            continue;
                        }

                        lock (_lock)
                        {
                            _pendingApplies.Add(new PendingApply(action, fault, unit, Now + delay));
                        }

                        later.Add($"{Describe(unit)} at {Stamp(Now + delay)}");
                    }

                    detail = $"{FaultDetail(action)}{(later.Count == 0 ? string.Empty : "; takes effect on " + string.Join(", ", later) + " (the FIS Lambda extension's ramp-up, awsTiming.lambdaRampUp)")}";
                    break;
                case ConfigureAction configure:
                    var configureDelay = _experiment.AwsTiming.ConfigureDelay;
                    if (configureDelay > TimeSpan.Zero)
                    {
                        // The automation runs and the function update completes before the change is seen; the action
                        // (aws:ssm:start-automation-execution) completes then too.
                        action.ConfigurePending = true;
                        endsAt = Now + configureDelay;
                        detail = $"takes effect at {Stamp(endsAt)} (the automation run and the function update, awsTiming.configureDelay)";
                        break;
                    }

                    detail = await ConfigureAsync(action, configure).ConfigureAwait(false);
                    break;
                default:
                    break;
            }
        }
#pragma warning disable CA1031 // An action that cannot be applied fails the run (FIS: the action and the experiment fail).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            SetActionState(action, ActionState.Failed, ex.Message);
            return $"action '{action.Name}' failed: {ex.Message}";
        }

        action.EndsAt = endsAt;
        SetActionState(action, ActionState.Running, detail);
        return null;
    }

    /// <returns>A failure message when a deferred configuration change could not be made, else <c>null</c>.</returns>
    private async Task<string?> CompleteAsync(ActionRun action)
    {
        string? detail = null;
        if (action.ConfigurePending && action.Definition is ConfigureAction configure)
        {
            action.ConfigurePending = false;
            try
            {
                detail = await ConfigureAsync(action, configure).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A change that cannot be made fails the action and the run, as at its start.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                SetActionState(action, ActionState.Failed, ex.Message);
                return $"action '{action.Name}' failed: {ex.Message}";
            }
        }

        var never = DropPendingApplies(action);
        var rampDown = action.Definition is FaultAction fault && ExecutionTargets.ReachesThroughFisExtension(fault, action.Target!) ? _experiment.AwsTiming.LambdaRampDown : TimeSpan.Zero;
        var lingering = new List<string>();
        foreach (var id in action.FaultIds)
        {
            var delay = Draw(rampDown);
            if (delay <= TimeSpan.Zero || !IsApplied(id))
            {
                await RevertAsync(id, "completed").ConfigureAwait(false);
                continue;
            }

            IReadOnlyList<string> targets;
            lock (_lock)
            {
                _pendingReverts.Add(new PendingRevert(id, Now + delay));
                targets = _applied.TryGetValue(id, out var applied) ? applied.Targets : [id];
            }

            lingering.Add($"{Describe(targets)} until {Stamp(Now + delay)}");
        }

        var notes = new List<string>();
        if (detail is not null)
        {
            notes.Add(detail);
        }

        if (never.Count > 0)
        {
            notes.Add($"never took effect on {string.Join(", ", never.Select(Describe))}: the action ended within the FIS Lambda extension's ramp-up");
        }

        if (lingering.Count > 0)
        {
            notes.Add($"still acts on {string.Join(", ", lingering)} (the FIS Lambda extension's ramp-down, awsTiming.lambdaRampDown)");
        }

        if (LapsedDetail(action) is { } lapsed)
        {
            notes.Add(lapsed);
        }

        SetActionState(action, ActionState.Completed, notes.Count == 0 ? null : string.Join("; ", notes));
        return null;
    }

    /// <summary>Applies a fault action's fault to one resolved unit of its target, now, and journals it.</summary>
    private async Task ApplyAsync(ActionRun action, FaultAction fault, TargetDefinition unit)
    {
        var applied = await _effects.ApplyFaultAsync(fault, unit, _options.Owner, _options.Lease, CancellationToken.None).ConfigureAwait(false);
        lock (_lock)
        {
            _applied[applied.Id] = applied;
            _leaseUntil[applied.Id] = applied.LeaseExpiresAt;
            action.FaultIds.Add(applied.Id);
        }

        Emit(new FaultAppliedEvent { At = Now, FaultId = applied.Id, Action = action.Name, Kind = applied.Spec.Kind, Targets = applied.Targets });
    }

    /// <summary>Makes a configure action's change on every function its target resolved to.</summary>
    private async Task<string> ConfigureAsync(ActionRun action, ConfigureAction configure)
    {
        var functions = new List<string>();
        foreach (var unit in UnitsOf(action))
        {
            var changes = await _effects.ConfigureAsync(configure, unit, _options.Owner, _options.Lease, CancellationToken.None).ConfigureAwait(false);
            foreach (var change in changes)
            {
                Record(change);
                functions.Add(change.Function);
                Emit(new ConfigurationChanged
                {
                    At = Now,
                    Action = action.Name,
                    Function = change.Function,
                    Environment = change.Before.EnvironmentChangesTo(change.After),
                    Layers = change.After.Layers,
                });
            }
        }

        return Describe(functions);
    }

    private string FaultDetail(ActionRun action)
    {
        lock (_lock)
        {
            var ids = action.FaultIds;
            return ids.Count == 0
                ? "no fault applied yet"
                : $"fault {string.Join(", ", ids)}, {Describe(ids.SelectMany(id => _applied.TryGetValue(id, out var f) ? f.Targets : []).ToArray())}";
        }
    }

    private string? LapsedDetail(ActionRun action)
    {
        lock (_lock)
        {
            return action.LapsedAt is { } at && action.LapsedFault is { } id
                ? $"its fault {id} had been reverted early by the lab at {RunProblems.Stamp(at - (_phases?.RunStart ?? at))} when its lease lapsed"
                : null;
        }
    }

    /// <summary>Journals a fault the lab reverted because its lease lapsed, once, with a problem; a fault already reverted is ignored.</summary>
    private void Lapsed(string faultId, DateTimeOffset at)
    {
        ActiveFault? fault;
        TimeSpan? beforeEnd = null;
        TimeSpan sinceStart;
        lock (_lock)
        {
            if (!_applied.Remove(faultId, out fault))
            {
                return;
            }

            _leaseUntil.Remove(faultId);
            _pendingReverts.RemoveAll(p => string.Equals(p.FaultId, faultId, StringComparison.Ordinal));
            var action = _actions.FirstOrDefault(a => a.FaultIds.Contains(faultId, StringComparer.Ordinal));
            if (action is not null)
            {
                action.LapsedAt = at;
                action.LapsedFault = faultId;
                if (action.State == ActionState.Running)
                {
                    beforeEnd = action.EndsAt - at;
                }
            }

            sinceStart = at - (_phases?.RunStart ?? at);
        }

        Emit(new FaultRevertedEvent { At = at, FaultId = faultId, Reason = LeaseExpiredReason });
        AddProblem(RunProblems.LeaseLapsed(at, sinceStart, fault, beforeEnd));
    }

    /// <summary>When a fault's lease lapsed, at the latest: its last known expiry, or now.</summary>
    private DateTimeOffset LapseTime(string faultId)
    {
        lock (_lock)
        {
            var now = Now;
            return _leaseUntil.TryGetValue(faultId, out var until) && until < now ? until : now;
        }
    }

    private void Record(ConfigurationChange change)
    {
        lock (_lock)
        {
            if (_originals.TryAdd(change.Function, change.Before))
            {
                _touchedFunctions.Add(change.Function);
            }

            _currents[change.Function] = change.After;
        }
    }

    private async Task RevertAsync(string faultId, string reason)
    {
        lock (_lock)
        {
            if (!_applied.ContainsKey(faultId))
            {
                // The lab already reverted it (its lease lapsed, and that was journaled).
                return;
            }
        }

        try
        {
            if (!await _effects.RevertFaultAsync(faultId, CancellationToken.None).ConfigureAwait(false))
            {
                // Not active any more: the lab reverted it when its lease lapsed, before its planned end.
                Lapsed(faultId, LapseTime(faultId));
                return;
            }

            lock (_lock)
            {
                if (!_applied.Remove(faultId))
                {
                    return;
                }

                _leaseUntil.Remove(faultId);
                _pendingReverts.RemoveAll(p => string.Equals(p.FaultId, faultId, StringComparison.Ordinal));
            }

            Emit(new FaultRevertedEvent { At = Now, FaultId = faultId, Reason = reason });
        }
#pragma warning disable CA1031 // A revert that fails must not stop the others; the fault stays tracked for the final sweep.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AddProblem(RunProblems.RevertFailed(Now, faultId, ex.Message));
        }
    }

    private async Task StopActionsAsync()
    {
        foreach (var action in _actions)
        {
            if (action.State is ActionState.Running or ActionState.Initiating)
            {
                SetActionState(action, ActionState.Stopping, null);
                DropPendingApplies(action);
                action.ConfigurePending = false;
                foreach (var id in action.FaultIds.ToArray())
                {
                    await RevertAsync(id, "stopped").ConfigureAwait(false);
                }

                SetActionState(action, ActionState.Stopped, LapsedDetail(action));
            }
            else if (action.State == ActionState.Pending)
            {
                CancelNeverStarted(action);
            }
        }
    }

    private async Task<RunState> FinishStoppedAsync()
    {
        string reason;
        string? failure;
        lock (_lock)
        {
            reason = _stopReason ?? "stopped";
            failure = _failReason;
        }

        if (failure is not null)
        {
            return await FinishFailedAsync(failure).ConfigureAwait(false);
        }

        SetEndReason(reason);
        SetRunState(RunState.Stopping, reason);
        await StopActionsAsync().ConfigureAwait(false);
        await CleanUpAsync().ConfigureAwait(false);
        SetRunState(RunState.Stopped, reason);
        return RunState.Stopped;
    }

    private async Task<RunState> FinishFailedAsync(string reason)
    {
        SetEndReason(reason);
        await StopActionsAsync().ConfigureAwait(false);
        await CleanUpAsync().ConfigureAwait(false);
        SetRunState(RunState.Failed, reason);
        return RunState.Failed;
    }

    private RunState FinishCancelled(string reason)
    {
        SetEndReason(reason);
        foreach (var action in _actions.Where(a => a.State == ActionState.Pending).ToArray())
        {
            CancelNeverStarted(action);
        }

        lock (_lock)
        {
            _phases = (_phases ?? new PhaseTimes { RunStart = Now }) with { RunEnd = Now };
        }

        SetRunState(RunState.Cancelled, reason);
        return RunState.Cancelled;
    }

    private async Task CleanUpAsync()
    {
        foreach (var leftover in AppliedFaults)
        {
            await RevertAsync(leftover.Id, "stopped").ConfigureAwait(false);
        }

        await UndoConfigurationAsync().ConfigureAwait(false);
        await SweepOwnerAsync().ConfigureAwait(false);
        lock (_lock)
        {
            var now = Now;
            _phases ??= new PhaseTimes { RunStart = now };
            if (_phases.FaultStart is not null && _phases.FaultEnd is null)
            {
                _phases = _phases with { FaultEnd = now };
            }

            _phases = _phases with { RunEnd = now };
        }
    }

    private async Task SweepOwnerAsync()
    {
        bool attempted;
        lock (_lock)
        {
            attempted = _applyAttempted;
        }

        if (!attempted)
        {
            return;
        }

        try
        {
            var strays = await _effects.RevertOwnerAsync(_options.Owner, CancellationToken.None).ConfigureAwait(false);
            if (strays > 0)
            {
                AddProblem(RunProblems.StraysReverted(Now, _options.Owner, strays));
            }
        }
#pragma warning disable CA1031 // The safety net failing leaves the leases to lapse; report, do not throw.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AddProblem(RunProblems.SweepFailed(Now, _options.Owner, ex.Message));
        }
    }

    private async Task UndoConfigurationAsync()
    {
        (string Function, FunctionConfiguration Original, FunctionConfiguration? Current)[] touched;
        lock (_lock)
        {
            touched = _touchedFunctions.Select(f => (f, _originals[f], _currents.GetValueOrDefault(f))).ToArray();
        }

        foreach (var (function, original, current) in touched)
        {
            if (current is not null && current.SameAs(original))
            {
                continue;
            }

            try
            {
                var change = await _effects.RestoreAsync(function, original, _options.Owner, CancellationToken.None).ConfigureAwait(false);
                lock (_lock)
                {
                    _currents[function] = change.After;
                }

                Emit(new ConfigurationChanged
                {
                    At = Now,
                    Action = UndoAction,
                    Function = function,
                    Environment = change.Before.EnvironmentChangesTo(change.After),
                    Layers = change.After.Layers,
                });
            }
#pragma warning disable CA1031 // One function that cannot be restored must not keep the others changed.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                AddProblem(RunProblems.RestoreFailed(Now, function, ex.Message));
            }
        }
    }

    private async Task<bool> WaitAsync(TimeSpan span)
    {
        if (StopRequested)
        {
            return false;
        }

        if (span <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await LabTasks.Delay(span, _time, _stop.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (StopRequested)
        {
            return false;
        }
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

    private void StartRenewer()
    {
        var interval = _options.EffectiveRenewInterval;
        _renewer = _time.CreateTimer(_ => _ = RenewAsync(), null, interval, interval);
    }

    private async Task RenewAsync()
    {
        // A slow lab must not pile up renewals; the next tick retries.
        if (Interlocked.Exchange(ref _renewing, 1) != 0)
        {
            return;
        }

        try
        {
            foreach (var fault in AppliedFaults)
            {
                try
                {
                    var asked = Now;
                    if (await _effects.RenewFaultAsync(fault.Id, _options.Lease, CancellationToken.None).ConfigureAwait(false))
                    {
                        lock (_lock)
                        {
                            if (_applied.ContainsKey(fault.Id))
                            {
                                _leaseUntil[fault.Id] = asked + _options.Lease;
                            }
                        }
                    }
                    else
                    {
                        // Gone: the lab reverted it when its lease lapsed (the runner was paused or starved).
                        Lapsed(fault.Id, LapseTime(fault.Id));
                    }
                }
#pragma warning disable CA1031 // A failed renewal is retried on the next tick; the lease outlives several.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    AddProblem(RunProblems.RenewFailed(Now, fault.Id, ex.Message));
                }
            }

            await RenewConfigurationAsync().ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    private async Task RenewConfigurationAsync()
    {
        bool changed;
        lock (_lock)
        {
            changed = _touchedFunctions.Any(f => _currents.TryGetValue(f, out var now) && !now.SameAs(_originals[f]));
        }

        if (!changed)
        {
            return;
        }

        try
        {
            if (!await _effects.RenewConfigurationAsync(_options.Owner, _options.Lease, CancellationToken.None).ConfigureAwait(false))
            {
                string[] functions;
                TimeSpan sinceStart;
                lock (_lock)
                {
                    functions = _touchedFunctions.ToArray();
                    sinceStart = Now - (_phases?.RunStart ?? Now);
                }

                AddProblem(RunProblems.ConfigurationLapsed(Now, sinceStart, functions));
            }
        }
#pragma warning disable CA1031 // A failed renewal is retried on the next tick; the lease outlives several.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            AddProblem(RunProblems.RenewConfigurationFailed(Now, ex.Message));
        }
    }

    private void SetRunState(RunState state, string? reason)
    {
        lock (_lock)
        {
            _state = state;
            if (reason is not null)
            {
                _reason = reason;
            }
        }

        Emit(new RunStateChanged { At = Now, State = state, Reason = reason });
    }

    private void SetActionState(ActionRun action, ActionState state, string? detail)
    {
        lock (_lock)
        {
            action.State = state;
        }

        Emit(new ActionStateChanged { At = Now, Action = action.Name, State = state, Detail = detail });
    }

    /// <summary>Raises a problem, once per kind and subject (a dead lab fails every renewal; one line says so).</summary>
    private void AddProblem(RunProblem problem)
    {
        lock (_lock)
        {
            if (!_problemKeys.Add((problem.Kind, problem.Subject)))
            {
                return;
            }
        }

        Emit(problem);
    }

    private void Emit(RunEvent runEvent)
    {
        lock (_lock)
        {
            _events.Add(runEvent);
        }

        try
        {
            _sink?.Invoke(runEvent);
        }
#pragma warning disable CA1031 // Observability never breaks a run: a failing sink is reported, the run goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Reported once per event type; a sink failing on its own report is not reported again.
            if (runEvent is not RunProblem { Kind: RunProblemKind.SinkFailed })
            {
                AddProblem(RunProblems.SinkFailed(Now, runEvent.GetType().Name, ex.Message));
            }
        }
    }

    /// <summary>One action's progress in this run.</summary>
    private sealed class ActionRun(ActionDefinition definition, TargetDefinition? target)
    {
        public ActionDefinition Definition { get; } = definition;

        public TargetDefinition? Target { get; } = target;

        public string Name => Definition.Name;

        public ActionState State { get; set; } = ActionState.Pending;

        public DateTimeOffset EndsAt { get; set; }

        /// <summary>The faults it applied, one per resolved unit of its target, in the order they took effect.</summary>
        public List<string> FaultIds { get; } = [];

        /// <summary>A configure action whose change waits for <see cref="AwsTiming.ConfigureDelay"/>.</summary>
        public bool ConfigurePending { get; set; }

        /// <summary>When the lab reverted one of its faults because the lease lapsed, if it did.</summary>
        public DateTimeOffset? LapsedAt { get; set; }

        /// <summary>The fault that lapsed.</summary>
        public string? LapsedFault { get; set; }
    }
}
