using System.Globalization;
using Faultline.Core.Experiments;
using Faultline.Core.Health;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Topology;
using Spectre.Console;

namespace Faultline.Cli.Commands.Run;

/// <summary>
/// The live console view of a run: a line per thing that happens (phase, action, fault, health flip, DNS
/// answer change, stop condition, run problem), a line when the host starts running the lab clock late (and when it
/// recovers), and every 30 lab seconds a status line per population — lab and wall time, success rate, p99 and health.
/// </summary>
internal sealed class ConsoleRunObserver(IAnsiConsole console, TimeProvider wallClock) : IRunObserver
{
    private static readonly TimeSpan StatusEvery = TimeSpan.FromSeconds(30);

    // An episode of host lateness ends after this many lab seconds within budget, so a flapping host is one line.
    private const int CalmSecondsToRecover = 5;

    private readonly Lock _lock = new();
    private readonly long _wallStart = wallClock.GetTimestamp();
    private readonly Dictionary<string, List<LoadSecond>> _window = new(StringComparer.Ordinal);
    private RunStarted? _started;
    private DateTimeOffset? _runStart;
    private DateTimeOffset _nextStatus;
    private HostSecond? _hostWorst;
    private int _hostImpairedSeconds;
    private int _hostCalm;

    public void OnStarted(RunStarted started)
    {
        lock (_lock)
        {
            _started = started;
            _runStart = started.LabTime.GetUtcNow();
            _nextStatus = _runStart.Value + StatusEvery;
            if (started.Engine == RunEngine.Simulated)
            {
                console.MarkupLine($"[bold]run {Markup.Escape(started.RunId)}[/] — simulated in virtual time (deterministic), seed {started.Seed}");
            }
            else
            {
                var perMinute = 60 / started.TimeScale;
                console.MarkupLine($"[bold]run {Markup.Escape(started.RunId)}[/] — time scale {started.TimeScale.ToString(CultureInfo.InvariantCulture)} (1 lab minute = {perMinute.ToString("0.##", CultureInfo.InvariantCulture)} s), seed {started.Seed}, {(started.OwnLab ? "own lab" : "running lab")} at {Markup.Escape(started.ControlUrl?.ToString().TrimEnd('/') ?? "?")}");
            }

            console.MarkupLine($"[grey]files: {Markup.Escape(started.Directory)}[/]");
            if (started.HostBudget is { } budget)
            {
                console.MarkupLine($"[grey]host timing: results are trusted while the lab clock's timers run at most {Markup.Escape(Durations.Describe(budget.Allowance))} late ({Markup.Escape(Durations.Describe(budget.WallAllowance))} of wall time), half of {Markup.Escape(budget.DeadlineName)}[/]");
            }
        }
    }

    public void OnEvent(RunEvent runEvent)
    {
        lock (_lock)
        {
            if (Describe(runEvent) is { } line)
            {
                console.MarkupLine($"{Stamp(runEvent.At)} {line}");
            }
        }
    }

    public void OnHostSecond(HostSecond second)
    {
        lock (_lock)
        {
            if (_started?.HostBudget is not { } budget)
            {
                return;
            }

            if (!budget.Exceeds(second))
            {
                if (_hostWorst is { } worst && ++_hostCalm >= CalmSecondsToRecover)
                {
                    console.MarkupLine($"{Stamp(second.Start)} [green]host back on time[/] after {_hostImpairedSeconds} late lab second(s), timers up to {Markup.Escape(Durations.Describe(worst.Lateness))} late");
                    _hostWorst = null;
                    _hostImpairedSeconds = 0;
                }

                return;
            }

            _hostCalm = 0;
            _hostImpairedSeconds++;
            if (_hostWorst is null)
            {
                console.MarkupLine($"{Stamp(second.Start)} [yellow]host running late[/]: the lab clock's timers fired {Markup.Escape(Durations.Describe(second.Lateness))} late (budget {Markup.Escape(Durations.Describe(budget.Allowance))}); results that rest on these seconds are host-impaired");
            }

            if (_hostWorst is null || second.Lateness > _hostWorst.Lateness)
            {
                _hostWorst = second;
            }
        }
    }

    public void OnSecond(LoadSecond second)
    {
        lock (_lock)
        {
            if (!_window.TryGetValue(second.Population, out var seconds))
            {
                _window[second.Population] = seconds = [];
            }

            seconds.Add(second);
            var end = second.Start + TimeSpan.FromSeconds(1);
            if (_started is null || end < _nextStatus || !_started.Populations.All(p => _window.TryGetValue(p, out var s) && s.Count > 0 && s[^1].Start + TimeSpan.FromSeconds(1) >= _nextStatus))
            {
                return;
            }

            var parts = _started.Populations.Select(p =>
            {
                var stats = LoadStats.Merge(_window[p].Select(s => s.Stats));
                var rate = stats.SuccessRate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
                var p99 = stats.LatencyCount == 0 ? "-" : Durations.Describe(stats.Latency(99));
                var color = stats.SuccessRate is null or >= 0.99 ? "green" : stats.SuccessRate >= 0.5 ? "yellow" : "red";
                return $"{Markup.Escape(p)} [{color}]{rate} ok[/] p99 {Markup.Escape(p99)}";
            });
            var now = _started.State.Snapshot();
            var health = string.Join(" ", now.Health.Select(h => h.Healthy ? $"[green]{Markup.Escape(h.Id)} ✓[/]" : $"[red]{Markup.Escape(h.Id)} ✗[/]"));
            var phase = now.Phase?.ToString().ToLowerInvariant() ?? "starting";
            var active = now.Faults.Where(f => f.Active).OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => $"{f.Id} {f.Kind.ToString().ToLowerInvariant()} on {string.Join(", ", f.Targets)}").ToList();
            var faults = active.Count == 0 ? "no faults" : $"[yellow]faults: {Markup.Escape(string.Join("; ", active))}[/]";
            console.MarkupLine($"{Stamp(_nextStatus)} [blue]{phase,-8}[/] {string.Join(" · ", parts)}{(health.Length > 0 ? " · " + health : string.Empty)} · {faults}");
            _window.Clear();
            _nextStatus += StatusEvery;
        }
    }

    private static string Kebab(RunProblemKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private string Stamp(DateTimeOffset at)
    {
        var lab = _runStart is { } start ? at - start : TimeSpan.Zero;
        var wall = wallClock.GetElapsedTime(_wallStart);
        return $"[grey]T+{(int)lab.TotalMinutes:00}:{Math.Max(0, lab.Seconds):00} ({wall.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)}s)[/]";
    }

    private string? Describe(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case RunStateChanged state:
                return $"run [bold]{state.State.ToString().ToLowerInvariant()}[/]{(state.Reason is null ? string.Empty : $" ({Markup.Escape(state.Reason)})")}";
            case PhaseStarted phase:
                // T+ counts from the baseline's start, as the timeline, the report and run problems do.
                if (phase.Phase == Phase.Baseline)
                {
                    _runStart = phase.At;
                    _nextStatus = phase.At + StatusEvery;
                }

                return $"[blue]phase {phase.Phase.ToString().ToLowerInvariant()}[/]";
            case ActionStateChanged action when action.State is ActionState.Running or ActionState.Completed or ActionState.Failed or ActionState.Stopped or ActionState.Cancelled or ActionState.Skipped:
                return $"action [bold]{Markup.Escape(action.Action)}[/] {action.State.ToString().ToLowerInvariant()}{(action.Detail is null ? string.Empty : $": {Markup.Escape(action.Detail)}")}";
            case FaultAppliedEvent applied:
                return $"[yellow]fault {Markup.Escape(applied.FaultId)} applied[/]: {Markup.Escape(applied.Kind.ToString().ToLowerInvariant())} on {Markup.Escape(string.Join(", ", applied.Targets))}";
            case FaultRevertedEvent reverted:
                return $"[green]fault {Markup.Escape(reverted.FaultId)} reverted[/] ({Markup.Escape(reverted.Reason)})";
            case ConfigurationChanged configured:
                return $"configuration of {Markup.Escape(configured.Function)} changed by {Markup.Escape(configured.Action)}: {Markup.Escape(string.Join(", ", configured.Environment.Select(e => e.Value is null ? $"-{e.Key}" : $"{e.Key}={e.Value}")))}";
            case HealthChanged health:
                // A report that did not flip the check (a running lab's first poll, say) is not news. The sentence is
                // the lab log's: "hc-us unhealthy: 2 of 16 checkers (13%) see it healthy".
                if (_started?.State.Changed(health) == false)
                {
                    return null;
                }

                var checkers = _started?.State.Topology.FindHealthCheck(health.HealthCheck)?.Checkers ?? HealthCheckConfig.DefaultCheckers;
                return $"[{(health.Healthy ? "green" : "red")}]{Markup.Escape(HealthWords.Status(health.HealthCheck, health.Healthy, health.PercentageHealthy, checkers))}[/]";
            case DnsAnswerChanged dns:
                // Populations in one location each report the same new answer; the location's first report is the news.
                if (_started?.State is not { } run || !run.Changed(dns))
                {
                    return null;
                }

                var first = run.IsFirstAnswer(dns);
                var answer = dns.Regions.Count > 0 ? string.Join(", ", dns.Regions) : dns.Outcome;
                return $"DNS {(first ? string.Empty : "[bold]now[/] ")}answers {Markup.Escape(dns.Location)} customers {Markup.Escape(dns.Name)} → {Markup.Escape(answer)}";
            case RunProblem problem:
                return problem.UnderminesVerdict
                    ? $"[red bold]problem[/] ({Markup.Escape(Kebab(problem.Kind))}): {Markup.Escape(problem.Message)} [red]— the verdict cannot rest on this run's evidence[/]"
                    : $"[yellow]problem[/] ({Markup.Escape(Kebab(problem.Kind))}): {Markup.Escape(problem.Message)}";
            case StopConditionFired stop:
                return $"[red bold]stop condition '{Markup.Escape(stop.Name)}' fired[/]: {stop.Measured.ToString("0.##", CultureInfo.InvariantCulture)} {Markup.Escape(stop.Threshold)} for {Markup.Escape(Durations.Describe(stop.Lasted))}{(stop.MissingSeconds > 0 ? $" ({stop.MissingSeconds}s of it with no request finished)" : string.Empty)}";
            case CheckEvaluated check when _started?.State.Snapshot().Ended != true:
                var verdict = check.Passed switch { true => "[green]pass[/]", false => "[red]FAIL[/]", _ => "[yellow]undecided[/]" };
                var impaired = check.HostImpaired is null ? string.Empty : $" [yellow]{Markup.Escape(check.HostImpaired)}[/]";
                return $"steady state: {Markup.Escape(check.Check)} {verdict} ({Markup.Escape(check.Measured ?? "-")}, wanted {Markup.Escape(check.Expected ?? "-")}){impaired}";
            default:
                return null;
        }
    }
}
