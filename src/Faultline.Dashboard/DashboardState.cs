using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Verdict;
using Faultline.Lab.Runs;
using Faultline.Reports.Charts;

namespace Faultline.Dashboard;

/// <summary>
/// What the live dashboard knows about a run: every event and lab second the runner reports, the checkers'
/// share polled from the lab, and the verdict at the end. Thread-safe; observer calls never throw.
/// </summary>
public sealed class DashboardState : IRunObserver
{
    private readonly Lock _lock = new();
    private readonly string _title;
    private readonly List<string> _healthChecks;
    private readonly List<RunEvent> _events = [];
    private readonly List<LoadSecond> _traffic = [];
    private readonly Dictionary<string, LoadSecond> _lastSecond = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (bool Healthy, double? Percentage)> _health = new(StringComparer.Ordinal);
    private readonly List<(DateTimeOffset At, string Check, double Percentage)> _percentages = [];
    private readonly Dictionary<string, DashboardAction> _actions = new(StringComparer.Ordinal);
    private readonly List<string> _actionOrder = [];
    private readonly Dictionary<string, DashboardCheck> _checks = new(StringComparer.Ordinal);
    private readonly List<StopConditionDefinition> _stopConditions;
    private readonly List<StopConditionMonitor> _monitors = [];
    private readonly HashSet<string> _firedStopConditions = new(StringComparer.Ordinal);
    private RunStarted? _started;
    private DateTimeOffset? _runStart;
    private HostSecond? _hostLast;
    private TimeSpan _hostWorst;
    private int _hostSeconds;
    private int _hostImpaired;
    private DateTimeOffset? _runEnd;
    private RunState _state = RunState.Pending;
    private string? _stateReason;
    private Phase? _phase;
    private DashboardVerdict? _verdict;
    private RunVerdict? _runVerdict;
    private long _version;

    /// <summary>A dashboard for the experiment <paramref name="title"/> whose topology has <paramref name="healthChecks"/>.</summary>
    /// <param name="title">The hypothesis, shown as the page's heading.</param>
    /// <param name="healthChecks">Every health check id and whether it starts healthy (an inverted check starts unhealthy).</param>
    /// <param name="stopConditions">The experiment's stop conditions, watched as the runner watches them (default none).</param>
    public DashboardState(string title, IEnumerable<KeyValuePair<string, bool>> healthChecks, IEnumerable<StopConditionDefinition>? stopConditions = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(healthChecks);
        _title = title;
        _stopConditions = [.. stopConditions ?? []];
        _healthChecks = [];
        foreach (var (id, healthy) in healthChecks)
        {
            _healthChecks.Add(id);
            _health[id] = (healthy, null);
        }
    }

    /// <summary>The run as it started, once it has.</summary>
    public RunStarted? Started
    {
        get
        {
            lock (_lock)
            {
                return _started;
            }
        }
    }

    /// <summary>Whether the run has reached a final state.</summary>
    public bool Ended
    {
        get
        {
            lock (_lock)
            {
                return _runEnd is not null || _runVerdict is not null;
            }
        }
    }

    /// <inheritdoc />
    public void OnStarted(RunStarted started)
    {
        if (started is null)
        {
            return;
        }

        lock (_lock)
        {
            _started = started;
            _runStart ??= started.LabTime.GetUtcNow();

            // The same monitor over the same seconds as the runner's: the page shows how near each is to firing.
            _monitors.Clear();
            _monitors.AddRange(_stopConditions.Select(c => new StopConditionMonitor(c, started.Populations)));
            _version++;
        }
    }

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent)
    {
        if (runEvent is null)
        {
            return;
        }

        lock (_lock)
        {
            _events.Add(runEvent);
            switch (runEvent)
            {
                case RunStateChanged state:
                    _state = state.State;
                    _stateReason = state.Reason;
                    if (IsFinal(state.State))
                    {
                        _runEnd = state.At;
                    }

                    break;
                case PhaseStarted phase:
                    _phase = phase.Phase;
                    if (phase.Phase == Phase.Baseline)
                    {
                        _runStart = phase.At;
                    }

                    break;
                case ActionStateChanged action:
                    if (!_actions.ContainsKey(action.Action))
                    {
                        _actionOrder.Add(action.Action);
                    }

                    _actions[action.Action] = new DashboardAction(action.Action, action.State, action.Detail);
                    break;
                case HealthChanged health:
                    _health[health.HealthCheck] = (health.Healthy, health.PercentageHealthy);
                    if (!_healthChecks.Contains(health.HealthCheck, StringComparer.Ordinal))
                    {
                        _healthChecks.Add(health.HealthCheck);
                    }

                    break;
                case StopConditionFired stop:
                    _firedStopConditions.Add(stop.Name);
                    break;
                case CheckEvaluated check:
                    _checks[check.Check] = new DashboardCheck(check.Check, check.Passed, check.Measured, check.Expected);
                    break;
                default:
                    break;
            }

            _version++;
        }
    }

    /// <inheritdoc />
    public void OnSecond(LoadSecond second)
    {
        if (second is null)
        {
            return;
        }

        lock (_lock)
        {
            _traffic.Add(second);
            foreach (var monitor in _monitors)
            {
                monitor.Observe(second);
            }

            if (!_lastSecond.TryGetValue(second.Population, out var last) || last.Start <= second.Start)
            {
                _lastSecond[second.Population] = second;
            }

            _version++;
        }
    }

    /// <inheritdoc />
    public void OnHostSecond(HostSecond second)
    {
        if (second is null)
        {
            return;
        }

        lock (_lock)
        {
            _hostLast = second;
            _hostSeconds++;
            _hostWorst = second.Lateness > _hostWorst ? second.Lateness : _hostWorst;
            if (_started?.HostBudget is { } budget && budget.Exceeds(second))
            {
                _hostImpaired++;
            }

            _version++;
        }
    }

    /// <summary>Records the share of checkers that see each health check healthy, polled from the lab at lab time <paramref name="at"/>.</summary>
    public void RecordHealth(DateTimeOffset at, IEnumerable<(string Check, bool Healthy, double Percentage)> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        lock (_lock)
        {
            foreach (var (check, healthy, percentage) in checks)
            {
                // The runner's flips are the record of when health changed; a poll only adds the share.
                var known = _health.TryGetValue(check, out var was) ? was.Healthy : healthy;
                _health[check] = (known, percentage);
                _percentages.Add((at, check, percentage));
                if (!_healthChecks.Contains(check, StringComparer.Ordinal))
                {
                    _healthChecks.Add(check);
                }
            }

            _version++;
        }
    }

    /// <summary>Records the run's verdict; the page shows it, with the report's tables, until the dashboard stops.</summary>
    /// <param name="verdict">The verdict.</param>
    /// <param name="finalState">The run's final state.</param>
    public void Finish(RunVerdict verdict, RunState finalState)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        lock (_lock)
        {
            _runVerdict = verdict;
            _state = finalState;
            _verdict = new DashboardVerdict(Kebab(verdict.Kind), verdict.Summary, DashboardVerdictHtml.Render(verdict), ReportUrl: null);
            _version++;
        }
    }

    /// <summary>Records that the full report is served at <paramref name="url"/> (relative to the page).</summary>
    public void ReportWritten(string url)
    {
        lock (_lock)
        {
            if (_verdict is not null)
            {
                _verdict = _verdict with { ReportUrl = url };
                _version++;
            }
        }
    }

    /// <summary>The page's view of the run now.</summary>
    public DashboardSnapshot Snapshot()
    {
        RunEvent[] events;
        LoadSecond[] traffic;
        string[] healthChecks;
        (DateTimeOffset At, string Check, double Percentage)[] percentages;
        DashboardSnapshot partial;
        PhaseTimes phases;
        lock (_lock)
        {
            events = [.. _events];
            traffic = [.. _traffic];
            healthChecks = [.. _healthChecks];
            percentages = [.. _percentages];
            // Without a start from the runner (calls before OnStarted), the first thing seen is the start.
            var first = events.Select(e => e.At).Concat(traffic.Select(s => s.Start)).DefaultIfEmpty(DateTimeOffset.UnixEpoch).Min();
            var start = _runStart ?? first;
            var now = _runEnd ?? _started?.LabTime.GetUtcNow() ?? events.Select(e => e.At).Concat(traffic.Select(s => s.Start.AddSeconds(1))).DefaultIfEmpty(start).Max();
            phases = new PhaseTimes
            {
                RunStart = start,
                FaultStart = events.OfType<PhaseStarted>().FirstOrDefault(p => p.Phase == Phase.Fault)?.At,
                FaultEnd = events.OfType<PhaseStarted>().FirstOrDefault(p => p.Phase == Phase.Recovery)?.At,
                RunEnd = _runEnd,
            };
            partial = new DashboardSnapshot
            {
                Version = _version,
                Title = _title,
                RunId = _started?.RunId,
                TimeScale = _started?.TimeScale ?? 0,
                State = _state,
                StateReason = _stateReason,
                Phase = _phase,
                ElapsedSeconds = Math.Max(0, Math.Round((now - start).TotalSeconds, 1)),
                Actions = [.. _actionOrder.Select(a => _actions[a])],
                Faults = [],
                Health = [.. _healthChecks.Select(id => new DashboardHealth(id, _health[id].Healthy, _health[id].Percentage))],
                Dns = [],
                Populations = [.. _lastSecond.Values.OrderBy(s => s.Population, StringComparer.Ordinal).Select(Population)],
                StopConditions = [.. _stopConditions.Select(StopCondition)],
                Checks = _runVerdict is { } verdict
                    ? [.. verdict.Checks.Select(c => new DashboardCheck(c.Name, c.Passed, c.Measured, c.Expected))]
                    : [.. _checks.Values],
                Charts = [],
                Markers = [],
                Verdict = _verdict,
                Host = _started?.HostBudget is { } budget && _hostLast is { } last
                    ? new DashboardHost(last.Lateness.TotalMilliseconds, _hostWorst.TotalMilliseconds, budget.Allowance.TotalMilliseconds, _hostImpaired, _hostSeconds, budget.DeadlineName)
                    : null,
            };
        }

        // The charts are built outside the lock: the runner's threads keep reporting meanwhile.
        var charts = ChartBuilder.Build(phases, events, traffic, healthChecks).ToList();
        charts.Insert(1, Checkers(charts[0].Seconds, phases.RunStart, healthChecks, percentages));
        return partial with
        {
            Faults = Faults(events, phases.RunStart),
            Problems = [.. events.OfType<RunProblem>().Select(p => new DashboardProblem(
                System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(p.Kind.ToString()),
                p.Message,
                p.Subject,
                p.UnderminesVerdict,
                Math.Round(Math.Max(0, (p.At - phases.RunStart).TotalSeconds), 1)))],
            Dns = [.. events.OfType<DnsAnswerChanged>()
                .GroupBy(a => (a.Location, a.Name))
                .Select(g => g.Last())
                .OrderBy(a => a.Location, StringComparer.Ordinal)
                .Select(a => new DashboardDnsAnswer(a.Location, a.Name, a.Regions, a.Outcome))],
            Charts = charts,
            Markers = ChartBuilder.Markers(phases, events),
        };
    }

    private DashboardStopCondition StopCondition(StopConditionDefinition condition)
    {
        var monitor = _monitors.FirstOrDefault(m => ReferenceEquals(m.Condition, condition));
        var alarm = $"{condition.Metric} {condition.AlarmWhen} for {Durations.Describe(condition.For)}";
        return new DashboardStopCondition(
            condition.Name,
            alarm,
            monitor switch
            {
                { LastMeasured: { } value } => condition.AlarmWhen.Format(value),
                { LastMissing: true } => NoData(condition.MissingData),
                _ => null,
            },
            monitor?.Streak ?? 0,
            monitor?.SecondsNeeded ?? Math.Max(1, (int)Math.Ceiling(condition.For.TotalSeconds)),
            _firedStopConditions.Contains(condition.Name) || monitor?.Fired is not null);
    }

    // A second in which no request finished, as the condition's treatMissingData judged it.
    private static string NoData(MissingDataTreatment treatment) => treatment switch
    {
        MissingDataTreatment.Breaching => "no request finished (counts as breaching)",
        MissingDataTreatment.NotBreaching => "no request finished (counts as not breaching)",
        MissingDataTreatment.Ignore => "no request finished (ignored)",
        _ => "no request finished (missing)",
    };

    private static List<DashboardFault> Faults(IEnumerable<RunEvent> events, DateTimeOffset start)
    {
        var faults = new List<DashboardFault>();
        foreach (var e in events)
        {
            var at = Math.Round(Math.Max(0, (e.At - start).TotalSeconds), 1);
            switch (e)
            {
                case FaultAppliedEvent applied:
                    faults.Add(new DashboardFault(applied.FaultId, FaultKinds.NameOf(applied.Kind), applied.Action, applied.Targets, Active: true, at, EndSeconds: null, RevertReason: null));
                    break;
                case FaultRevertedEvent reverted:
                    var index = faults.FindLastIndex(f => f.Active && string.Equals(f.Id, reverted.FaultId, StringComparison.Ordinal));
                    if (index >= 0)
                    {
                        faults[index] = faults[index] with { Active = false, EndSeconds = at, RevertReason = reverted.Reason };
                    }

                    break;
                default:
                    break;
            }
        }

        return faults;
    }

    private static ReportChart Checkers(IReadOnlyList<double> seconds, DateTimeOffset start, IReadOnlyList<string> checks, (DateTimeOffset At, string Check, double Percentage)[] samples)
    {
        var series = checks.Select(id =>
        {
            // Samples come in lab-time order: one pass over them for all the seconds.
            var own = samples.Where(s => string.Equals(s.Check, id, StringComparison.Ordinal)).ToList();
            var values = new List<double?>(seconds.Count);
            var next = 0;
            double? current = null;
            foreach (var second in seconds)
            {
                while (next < own.Count && (own[next].At - start).TotalSeconds <= second)
                {
                    current = own[next++].Percentage;
                }

                values.Add(current);
            }

            return new ChartSeries(id, values);
        }).ToList();
        return new ReportChart { Id = "checkers", Title = "Checkers that see each health check healthy (%)", Unit = "%", Seconds = seconds, Series = series, Stepped = true };
    }

    private static DashboardPopulation Population(LoadSecond second)
    {
        var stats = second.Stats;
        double? Ms(double percentile) => stats.LatencyCount > 0 ? Math.Round(stats.Latency(percentile).TotalMilliseconds, 1) : null;
        return new DashboardPopulation(
            second.Population,
            stats.Attempts,
            stats.SuccessRate is { } rate ? Math.Round(rate * 100, 2) : null,
            Ms(50),
            Ms(99),
            new Dictionary<string, long>(stats.Regions, StringComparer.Ordinal));
    }

    private static bool IsFinal(RunState state) => state is RunState.Completed or RunState.Stopped or RunState.Failed or RunState.Cancelled;

    private static string Kebab(VerdictKind kind) => kind switch
    {
        VerdictKind.NotRun => "not-run",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
