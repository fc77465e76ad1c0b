using Faultline.Core.Experiments;
using Faultline.Core.Faults;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Verdict;
using Faultline.Core.Runs.Projection;
using Faultline.Reports.Charts;

namespace Faultline.Dashboard;

/// <summary>
/// What the live dashboard shows of a run: a rendering of the run's projection (<see cref="RunProjection"/>, handed
/// over when the run starts) as the page's state, its charts built like the report's. It keeps no run state of its
/// own beyond the title and the report's URL. Thread-safe; observer calls never throw.
/// </summary>
public sealed class DashboardState : IRunObserver
{
    private readonly Lock _lock = new();
    private readonly string _title;
    private RunProjection? _run;
    private string? _reportUrl;
    private long _ownVersion;
    private (RunVerdict Verdict, string Html)? _verdictHtml;

    /// <summary>A dashboard for the experiment <paramref name="title"/>; it shows the run once <see cref="OnStarted"/> hands it over.</summary>
    /// <param name="title">The hypothesis, shown as the page's heading.</param>
    public DashboardState(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        _title = title;
    }

    /// <summary>The run as it started, once it has.</summary>
    public RunStarted? Started => Run()?.Snapshot().Started;

    /// <summary>Whether the run has reached a final state.</summary>
    public bool Ended => Run()?.Snapshot().Ended ?? false;

    /// <inheritdoc />
    public void OnStarted(RunStarted started)
    {
        if (started is null)
        {
            return;
        }

        lock (_lock)
        {
            _run = started.State;
            _ownVersion++;
        }
    }

    /// <inheritdoc />
    /// <remarks>The run's projection has taken it already; the page reads it on its next poll.</remarks>
    public void OnEvent(RunEvent runEvent)
    {
    }

    /// <inheritdoc />
    /// <remarks>The run's projection has taken it already.</remarks>
    public void OnSecond(LoadSecond second)
    {
    }

    /// <summary>Records that the full report is served at <paramref name="url"/> (relative to the page); shown with the verdict.</summary>
    public void ReportWritten(string url)
    {
        lock (_lock)
        {
            _reportUrl = url;
            _ownVersion++;
        }
    }

    /// <summary>The page's view of the run now.</summary>
    public DashboardSnapshot Snapshot()
    {
        RunProjection? run;
        string? reportUrl;
        long ownVersion;
        lock (_lock)
        {
            run = _run;
            reportUrl = _reportUrl;
            ownVersion = _ownVersion;
        }

        if (run is null)
        {
            return new DashboardSnapshot
            {
                Version = ownVersion,
                Title = _title,
                State = RunState.Pending,
                Actions = [],
                Faults = [],
                Health = [],
                Dns = [],
                Populations = [],
                Checks = [],
                Charts = [],
                Markers = [],
            };
        }

        // The charts are built outside any lock from an immutable snapshot: the runner's threads keep reporting meanwhile.
        var now = run.Snapshot(withHistory: true);
        var start = now.Phases.RunStart;
        double Offset(DateTimeOffset at) => Math.Round(Math.Max(0, (at - start).TotalSeconds), 1);
        return new DashboardSnapshot
        {
            Version = now.Version + ownVersion,
            Title = _title,
            RunId = now.Started?.RunId,
            TimeScale = now.Started?.TimeScale ?? 0,
            State = now.State,
            StateReason = now.StateReason,
            Phase = now.Phase,
            ElapsedSeconds = Math.Max(0, Math.Round((now.Now - start).TotalSeconds, 1)),
            Actions = [.. now.Actions.Select(a => new DashboardAction(a.Name, a.State, a.Detail))],
            Faults = [.. now.Faults.Select(f => new DashboardFault(f.Id, FaultKinds.NameOf(f.Kind), f.Action, f.Targets, f.Active, Offset(f.Start), f.End is { } end ? Offset(end) : null, f.RevertReason))],
            Health = [.. now.Health.Select(h => new DashboardHealth(h.Id, h.Healthy, h.PercentageHealthy))],
            Dns = [.. now.Dns.Select(a => new DashboardDnsAnswer(a.Location, a.Name, a.Regions, a.Outcome))],
            Populations = [.. now.Populations.Select(Population)],
            StopConditions = [.. now.StopConditions.Select(StopCondition)],
            Checks = now.Verdict is { } verdict
                ? [.. verdict.Checks.Select(c => new DashboardCheck(c.Name, c.Passed, c.Measured, c.Expected))]
                : [.. now.Checks.Select(c => new DashboardCheck(c.Check, c.Passed, c.Measured, c.Expected))],
            Charts = ChartBuilder.Build(now.Phases, now.Events, now.Traffic, run.Topology, run.Experiment),
            CloudWatch = CloudWatchCharts.Build(run.Experiment, run.Topology, now.Phases, now.Events, now.Traffic, CloudWatchUntil(now)),
            Markers = ChartBuilder.Markers(now.Phases, now.Events),
            Problems = [.. now.Problems.Select(p => new DashboardProblem(
                System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(p.Kind.ToString()),
                p.Message,
                p.Subject,
                p.UnderminesVerdict,
                Offset(p.At)))],
            Verdict = now.Verdict is { } final ? new DashboardVerdict(Kebab(final.Kind), final.Summary, VerdictHtml(final), reportUrl) : null,
            Host = now.Host is { } host
                ? new DashboardHost(host.Last.Lateness.TotalMilliseconds, host.Worst.TotalMilliseconds, host.Budget.Allowance.TotalMilliseconds, host.ImpairedSeconds, host.Seconds, host.Budget.DeadlineName)
                : null,
        };
    }

    // A live minute is shown once it is over (its datapoint no longer changes); at the end, everything the run saw.
    private static DateTimeOffset CloudWatchUntil(RunSnapshot now) => now.Ended
        ? CloudWatchCharts.End(now.Phases, now.Events, now.Traffic)
        : Core.Aws.Analyze.CloudWatchMinutes.PeriodStart(now.Now);

    private RunProjection? Run()
    {
        lock (_lock)
        {
            return _run;
        }
    }

    // The verdict's HTML is rendered once: the page polls every second until it is closed.
    private string VerdictHtml(RunVerdict verdict)
    {
        lock (_lock)
        {
            if (_verdictHtml is { } cached && ReferenceEquals(cached.Verdict, verdict))
            {
                return cached.Html;
            }

            var html = DashboardVerdictHtml.Render(verdict);
            _verdictHtml = (verdict, html);
            return html;
        }
    }

    private static DashboardStopCondition StopCondition(StopConditionView view)
    {
        var condition = view.Condition;
        var alarm = $"{condition.Metric} {condition.AlarmWhen} for {Durations.Describe(condition.For)}";
        return new DashboardStopCondition(
            condition.Name,
            alarm,
            view switch
            {
                { LastMeasured: { } value } => condition.AlarmWhen.Format(value),
                { LastMissing: true } => NoData(condition.MissingData),
                _ => null,
            },
            view.Streak,
            view.SecondsNeeded,
            view.Fired is not null);
    }

    // A second in which no request finished, as the condition's treatMissingData judged it.
    private static string NoData(MissingDataTreatment treatment) => treatment switch
    {
        MissingDataTreatment.Breaching => "no request finished (counts as breaching)",
        MissingDataTreatment.NotBreaching => "no request finished (counts as not breaching)",
        MissingDataTreatment.Ignore => "no request finished (ignored)",
        _ => "no request finished (missing)",
    };

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

    private static string Kebab(VerdictKind kind) => kind switch
    {
        VerdictKind.NotRun => "not-run",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
