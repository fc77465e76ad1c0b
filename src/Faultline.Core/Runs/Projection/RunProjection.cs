using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Verdict;

namespace Faultline.Core.Runs.Projection;

/// <summary>
/// The one projection of a run's state: the runner feeds it every event, population second and host second it
/// records, and it keeps what the run knows now — phase and state, actions, health and the checkers' share, each
/// location's DNS answers, faults, stop-condition progress, checks, problems, host timing, the verdict — and the
/// history the verdict is computed from. The console, the dashboard and the metrics exporter render its
/// <see cref="Snapshot"/>; the runner judges stop conditions and checks on it. Thread-safe.
/// </summary>
public sealed class RunProjection
{
    private readonly Lock _lock = new();
    private readonly Experiment _experiment;
    private readonly Topology.Topology _topology;
    private readonly List<RunEvent> _events = [];
    private readonly List<LoadSecond> _traffic = [];
    private readonly List<HostSecond> _host = [];
    private readonly Dictionary<string, LoadSecond> _lastSecond = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _delivered = new(StringComparer.Ordinal);
    private readonly List<string> _healthOrder = [];
    private readonly Dictionary<string, HealthView> _health = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Location, string Name), DnsAnswerView> _dns = [];
    private readonly List<FaultView> _faults = [];
    private readonly List<string> _actionOrder = [];
    private readonly Dictionary<string, ActionView> _actions = new(StringComparer.Ordinal);
    private readonly List<string> _checkOrder = [];
    private readonly Dictionary<string, CheckEvaluated> _checks = new(StringComparer.Ordinal);
    private readonly List<StopConditionMonitor> _monitors = [];
    private readonly HashSet<string> _firedByEvent = new(StringComparer.Ordinal);

    // Health and DNS events that changed what the run shows, with the answer's number for DNS (1 for a location's first).
    private readonly Dictionary<RunEvent, int> _news = new(ReferenceEqualityComparer.Instance);
    private RunStarted? _started;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _baselineStart;
    private DateTimeOffset? _faultStart;
    private DateTimeOffset? _recoveryStart;
    private DateTimeOffset? _end;
    private RunState _state = RunState.Pending;
    private string? _stateReason;
    private Phase? _phase;
    private HostSecond? _hostLast;
    private TimeSpan _hostWorst;
    private int _hostImpaired;
    private RunVerdict? _verdict;
    private long _version;

    /// <summary>A projection of a run of <paramref name="experiment"/> on <paramref name="topology"/>: every health check starts as the topology says (an inverted one unhealthy), seen healthy by all its checkers.</summary>
    public RunProjection(Experiment experiment, Topology.Topology topology)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        _experiment = experiment;
        _topology = topology;
        foreach (var check in topology.HealthChecks)
        {
            _healthOrder.Add(check.Id);
            _health[check.Id] = new HealthView(check.Id, !check.Inverted, 100, Since: null);
        }
    }

    /// <summary>The experiment run.</summary>
    public Experiment Experiment => _experiment;

    /// <summary>The topology it runs on.</summary>
    public Topology.Topology Topology => _topology;

    /// <summary>Grows with every change; a renderer that saw this version has nothing new to show.</summary>
    public long Version
    {
        get
        {
            lock (_lock)
            {
                return _version;
            }
        }
    }

    /// <summary>
    /// The run is set up: its lab clock, populations (the stop conditions watch them) and, when the lab told, each
    /// health check's status at the start.
    /// </summary>
    public void Start(RunStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        lock (_lock)
        {
            _started = started;
            _startedAt ??= started.LabTime.GetUtcNow();
            foreach (var (id, healthy) in started.InitialHealth)
            {
                if (!_health.ContainsKey(id))
                {
                    _healthOrder.Add(id);
                }

                var share = _health.TryGetValue(id, out var known) ? known.PercentageHealthy : 100;
                _health[id] = new HealthView(id, healthy, share, Since: null);
            }

            _monitors.Clear();
            _monitors.AddRange(_experiment.StopConditions.Select(c => new StopConditionMonitor(c, started.Populations)));
            _version++;
        }
    }

    /// <summary>Takes one event.</summary>
    public void Record(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        lock (_lock)
        {
            _events.Add(runEvent);
            Apply(runEvent);
            _version++;
        }
    }

    /// <summary>Takes one population's lab second.</summary>
    /// <returns>The stop conditions this second fired (each fires once), in the experiment's order.</returns>
    public IReadOnlyList<StopConditionFired> Record(LoadSecond second)
    {
        ArgumentNullException.ThrowIfNull(second);
        List<StopConditionFired>? fired = null;
        lock (_lock)
        {
            _traffic.Add(second);
            var end = second.Start + TimeSpan.FromSeconds(1);
            if (!_delivered.TryGetValue(second.Population, out var known) || end > known)
            {
                _delivered[second.Population] = end;
            }

            if (!_lastSecond.TryGetValue(second.Population, out var last) || last.Start <= second.Start)
            {
                _lastSecond[second.Population] = second;
            }

            foreach (var monitor in _monitors)
            {
                if (monitor.Fired is null && monitor.Observe(second) is { } stop)
                {
                    (fired ??= []).Add(stop);
                }
            }

            _version++;
        }

        return fired ?? (IReadOnlyList<StopConditionFired>)[];
    }

    /// <summary>Takes one lab second of host timing.</summary>
    public void Record(HostSecond second)
    {
        ArgumentNullException.ThrowIfNull(second);
        lock (_lock)
        {
            _host.Add(second);
            _hostLast = second;
            _hostWorst = second.Lateness > _hostWorst ? second.Lateness : _hostWorst;
            if (_started?.HostBudget is { } budget && budget.Exceeds(second))
            {
                _hostImpaired++;
            }

            _version++;
        }
    }

    /// <summary>The run ended with <paramref name="verdict"/> in <paramref name="finalState"/>.</summary>
    public void Complete(RunVerdict verdict, RunState finalState)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        lock (_lock)
        {
            _verdict = verdict;
            _state = finalState;
            _end ??= _started?.LabTime.GetUtcNow();
            _version++;
        }
    }

    /// <summary>
    /// Whether <paramref name="runEvent"/>, once recorded, changed what the run shows: a health event that did not
    /// flip the check's status, or a DNS answer a location already had, did not. Everything else did.
    /// </summary>
    public bool Changed(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        lock (_lock)
        {
            return runEvent is not (HealthChanged or DnsAnswerChanged) || _news.ContainsKey(runEvent);
        }
    }

    /// <summary>Whether <paramref name="answer"/>, once recorded, was the first answer its location got for the name.</summary>
    public bool IsFirstAnswer(DnsAnswerChanged answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_lock)
        {
            return _news.TryGetValue(answer, out var number) && number == 1;
        }
    }

    /// <summary>When <paramref name="population"/>'s latest delivered second ends; <c>null</c> before its first.</summary>
    public DateTimeOffset? DeliveredUntil(string population)
    {
        lock (_lock)
        {
            return _delivered.TryGetValue(population, out var end) ? end : null;
        }
    }

    /// <summary>Everything observed so far, for checks and the verdict, with <paramref name="phases"/> and <paramref name="state"/> as the runner has them.</summary>
    public RunObservations Observe(RunState state, PhaseTimes phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        lock (_lock)
        {
            return new RunObservations
            {
                Experiment = _experiment,
                Topology = _topology,
                Phases = phases,
                Events = _events.OrderBy(e => e.At).ToArray(),
                Traffic = _traffic.OrderBy(s => s.Start).ToArray(),
                Host = _host.ToArray(),
                HostBudget = _started?.HostBudget,
                FinalState = state,
            };
        }
    }

    /// <summary>The run now.</summary>
    /// <param name="withHistory">Whether to copy every event and second too (for charts); default no.</param>
    public RunSnapshot Snapshot(bool withHistory = false)
    {
        lock (_lock)
        {
            // Before the baseline, T+0 is the moment the run started (or, without a start, the first thing seen).
            var first = _events.Select(e => e.At).Concat(_traffic.Select(s => s.Start)).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Min();
            var start = _baselineStart ?? _startedAt ?? first;
            var now = _end ?? _started?.LabTime.GetUtcNow()
                ?? _events.Select(e => e.At).Concat(_traffic.Select(s => s.Start.AddSeconds(1))).DefaultIfEmpty(start).Max();
            return new RunSnapshot
            {
                Version = _version,
                Started = _started,
                State = _state,
                StateReason = _stateReason,
                Ended = _end is not null || _verdict is not null,
                Phase = _phase,
                Phases = new PhaseTimes { RunStart = start, FaultStart = _faultStart, FaultEnd = _recoveryStart, RunEnd = _end },
                Now = now,
                Actions = [.. _actionOrder.Select(a => _actions[a])],
                Health = [.. _healthOrder.Select(id => _health[id])],
                Dns = [.. _dns.Values.OrderBy(d => d.Location, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)],
                Faults = [.. _faults],
                StopConditions = [.. _experiment.StopConditions.Select(StopCondition)],
                Checks = [.. _checkOrder.Select(c => _checks[c])],
                Problems = [.. _events.OfType<RunProblem>()],
                Populations = [.. _lastSecond.Values.OrderBy(s => s.Population, StringComparer.Ordinal)],
                Host = _started?.HostBudget is { } budget && _hostLast is { } last
                    ? new HostView(budget, last, _hostWorst, _host.Count, _hostImpaired)
                    : null,
                Verdict = _verdict,
                Events = withHistory ? [.. _events] : [],
                Traffic = withHistory ? [.. _traffic] : [],
                HostSeconds = withHistory ? [.. _host] : [],
            };
        }
    }

    private static bool IsFinal(RunState state) => state is RunState.Completed or RunState.Stopped or RunState.Failed or RunState.Cancelled;

    private StopConditionView StopCondition(StopConditionDefinition condition)
    {
        var monitor = _monitors.FirstOrDefault(m => ReferenceEquals(m.Condition, condition));
        var needed = monitor?.SecondsNeeded ?? Math.Max(1, (int)Math.Ceiling(condition.For.TotalSeconds));

        // A firing recorded without this projection's monitor (a replayed journal) counts as fired too.
        var fired = monitor?.Fired ?? (_firedByEvent.Contains(condition.Name)
            ? _events.OfType<StopConditionFired>().First(f => string.Equals(f.Name, condition.Name, StringComparison.Ordinal))
            : null);
        return new StopConditionView(condition, monitor?.LastMeasured, monitor?.LastMissing ?? false, monitor?.Streak ?? 0, needed, fired);
    }

    private void Apply(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case RunStateChanged state:
                _state = state.State;
                _stateReason = state.Reason;
                if (IsFinal(state.State))
                {
                    _end ??= state.At;
                }

                break;
            case PhaseStarted phase:
                _phase = phase.Phase;
                switch (phase.Phase)
                {
                    case Phase.Baseline:
                        _baselineStart ??= phase.At;
                        break;
                    case Phase.Fault:
                        _faultStart ??= phase.At;
                        break;
                    case Phase.Recovery:
                        _recoveryStart ??= phase.At;
                        break;
                    default:
                        break;
                }

                break;
            case ActionStateChanged action:
                if (!_actions.ContainsKey(action.Action))
                {
                    _actionOrder.Add(action.Action);
                }

                _actions[action.Action] = new ActionView(action.Action, action.State, action.Detail);
                break;
            case HealthChanged health:
                ApplyHealth(health);
                break;
            case HealthShareChanged share:
                if (_health.TryGetValue(share.HealthCheck, out var known))
                {
                    _health[share.HealthCheck] = known with { PercentageHealthy = share.PercentageHealthy };
                }

                break;
            case DnsAnswerChanged answer:
                ApplyAnswer(answer);
                break;
            case FaultAppliedEvent applied:
                _faults.Add(new FaultView(applied.FaultId, applied.Kind, applied.Action, applied.Targets, applied.At, End: null, RevertReason: null));
                break;
            case FaultRevertedEvent reverted:
                var index = _faults.FindLastIndex(f => f.Active && string.Equals(f.Id, reverted.FaultId, StringComparison.Ordinal));
                if (index >= 0)
                {
                    _faults[index] = _faults[index] with { End = reverted.At, RevertReason = reverted.Reason };
                }

                break;
            case StopConditionFired stop:
                _firedByEvent.Add(stop.Name);
                break;
            case CheckEvaluated check:
                if (!_checks.ContainsKey(check.Check))
                {
                    _checkOrder.Add(check.Check);
                }

                _checks[check.Check] = check;
                break;
            default:
                break;
        }
    }

    private void ApplyHealth(HealthChanged health)
    {
        if (!_health.TryGetValue(health.HealthCheck, out var entry))
        {
            _healthOrder.Add(health.HealthCheck);
            _health[health.HealthCheck] = new HealthView(health.HealthCheck, health.Healthy, health.PercentageHealthy, health.At);
            _news[health] = 1;
            return;
        }

        var flipped = entry.Healthy != health.Healthy;
        var view = entry with
        {
            Healthy = health.Healthy,
            PercentageHealthy = health.PercentageHealthy,
            Since = flipped ? health.At : entry.Since,
        };
        _health[health.HealthCheck] = view;
        if (flipped)
        {
            _news[health] = 1;
        }
    }

    private void ApplyAnswer(DnsAnswerChanged answer)
    {
        var key = (answer.Location, answer.Name);
        if (!_dns.TryGetValue(key, out var entry))
        {
            _dns[key] = new DnsAnswerView(answer.Location, answer.Name, answer.Regions, answer.Outcome, answer.At, Answers: 1, FormerRegions: []);
            _news[answer] = 1;
            return;
        }

        var was = entry;
        if (was.Regions.SequenceEqual(answer.Regions, StringComparer.Ordinal) && string.Equals(was.Outcome, answer.Outcome, StringComparison.Ordinal))
        {
            return;
        }

        var former = was.FormerRegions.Concat(was.Regions).Distinct(StringComparer.Ordinal).Except(answer.Regions, StringComparer.Ordinal).ToArray();
        _dns[key] = new DnsAnswerView(answer.Location, answer.Name, answer.Regions, answer.Outcome, answer.At, was.Answers + 1, former);
        _news[answer] = was.Answers + 1;
    }
}
