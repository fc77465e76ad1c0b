using System.Globalization;
using System.Text.RegularExpressions;
using Faultline.Core.Text;
using Faultline.Core.Verdict;
using Faultline.Lab.Runs;
using Spectre.Console;

namespace Faultline.Cli.Commands.Run;

/// <summary>The end of <c>faultline run</c>: checks, timeline, customer impact, run problems, verdict, diagnosis and the files.</summary>
internal static partial class RunSummary
{
    public static void Write(IAnsiConsole console, RunOutcome outcome)
    {
        var verdict = outcome.Verdict;
        console.WriteLine();

        var checks = new Table().Border(TableBorder.Rounded).Title("[bold]checks[/]");
        checks.AddColumn("#");
        checks.AddColumn("check");
        checks.AddColumn("result");
        checks.AddColumn("measured");
        checks.AddColumn("wanted");
        checks.AddColumn("window");
        foreach (var check in verdict.Checks)
        {
            checks.AddRow(
                check.Number.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(check.Name),
                check.Passed switch { true => "[green]pass[/]", false => "[red]FAIL[/]", _ when check.HostImpaired is not null => "[yellow]host-impaired[/]", _ => "[yellow]undecided[/]" },
                Markup.Escape(check.Measured ?? "-"),
                Markup.Escape(check.Expected),
                Markup.Escape(check.Window));
        }

        console.Write(checks);

        console.MarkupLine("[bold]timeline[/]");
        foreach (var (offset, text) in TimelineLines(verdict.Timeline))
        {
            console.MarkupLine($"  [grey]T+{(int)offset.TotalMinutes:00}:{Math.Max(0, offset.Seconds):00}[/] {Markup.Escape(text)}");
        }

        var impact = new Table().Border(TableBorder.Rounded).Title("[bold]customer impact[/]");
        impact.AddColumn("population");
        impact.AddColumn("requests");
        impact.AddColumn("success");
        impact.AddColumn("during fault");
        impact.AddColumn("failures");
        impact.AddColumn("outage");
        impact.AddColumn("served by");
        foreach (var population in verdict.Impact)
        {
            impact.AddRow(
                Markup.Escape(population.Population),
                population.Attempts.ToString("N0", CultureInfo.InvariantCulture),
                Percent(population.SuccessRate),
                Percent(population.FaultSuccessRate),
                Markup.Escape(population.FailureBreakdown),
                Markup.Escape(Durations.Describe(population.OutageDuration)),
                Markup.Escape(string.Join(", ", population.ServedBy.Select(r => $"{r.Region} {r.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%"))));
        }

        console.Write(impact);
        foreach (var population in verdict.Impact.Where(p => p.Dropped > 0))
        {
            console.MarkupLine($"[yellow]{Markup.Escape(DroppedLine(population))}[/]");
        }

        if (verdict.Host is { } host)
        {
            var sends = host.LateSendsPercent is { } late
                ? $"; {late.ToString("0.#", CultureInfo.InvariantCulture)}% of sends left more than 1 ms late (send lag p99 {host.SendLagP99WallMs!.Value.ToString("0.#", CultureInfo.InvariantCulture)} ms of wall time)"
                : string.Empty;
            console.MarkupLine($"[bold]host[/] [{(host.ImpairedSeconds == 0 ? "grey" : "yellow")}]{Markup.Escape(sends.Length == 0 ? host.Summary : host.Summary.TrimEnd('.') + sends + ".")}[/]");
        }

        var color = verdict.Kind switch
        {
            VerdictKind.Held => "green",
            VerdictKind.Refuted => "red",
            _ => "yellow",
        };
        if (verdict.Problems.Count > 0)
        {
            console.MarkupLine("[bold]problems[/]");
            foreach (var problem in verdict.Problems)
            {
                console.MarkupLine($"  {(problem.UnderminesVerdict ? "[red]✗[/]" : "[yellow]![/]")} {Markup.Escape(problem.Message)}");
            }
        }

        console.MarkupLine($"[bold {color}]verdict: {KindName(verdict.Kind)}[/] — {Markup.Escape(verdict.Summary)}");
        foreach (var finding in verdict.Diagnosis)
        {
            console.MarkupLine($"[bold]why:[/] {Markup.Escape(finding.Headline)} [grey][[{Markup.Escape(finding.Code)}]][/]");
            foreach (var evidence in finding.Evidence)
            {
                console.MarkupLine($"  [grey]- {Markup.Escape(evidence)}[/]");
            }

            if (finding.Fix is not null)
            {
                console.MarkupLine($"  [bold]fix:[/] {Markup.Escape(finding.Fix)}");
            }
        }

        console.MarkupLine($"run [bold]{Markup.Escape(outcome.RunId)}[/] {outcome.FinalState.ToString().ToLowerInvariant()}; files in {Markup.Escape(outcome.Directory)} (journal.db, result.json)");
        if (outcome.FailedJournalWrites > 0)
        {
            console.MarkupLine($"[yellow]{outcome.FailedJournalWrites} journal write(s) failed; the journal is incomplete[/]");
        }
    }

    /// <summary>The verdict line, plain: <c>verdict: refuted — Refuted: 4 of 6 checks failed (…)</c>; all that <c>run -q</c> prints.</summary>
    internal static string VerdictLine(RunOutcome outcome) => $"verdict: {KindName(outcome.Verdict.Kind)} — {outcome.Verdict.Summary}";

    /// <summary>The line saying the load generator dropped sends, so a reader knows the failures include them.</summary>
    internal static string DroppedLine(CustomerImpact population) =>
        $"{population.Population}: the load generator dropped {population.Dropped.ToString("N0", CultureInfo.InvariantCulture)} of {population.Attempts.ToString("N0", CultureInfo.InvariantCulture)} sends because too many requests were in flight (the answers were slower than the rate allows); they count as failures";

    /// <summary>
    /// The timeline as the console prints it: what a health check's checkers probe is one line per check and target,
    /// not one per checker location (<c>hc-us checkers at 8 locations probe api.us-east-1.example.test at …</c>).
    /// </summary>
    internal static IEnumerable<(TimeSpan Offset, string Text)> TimelineLines(IReadOnlyList<TimelineEntry> timeline)
    {
        for (var i = 0; i < timeline.Count; i++)
        {
            var entry = timeline[i];
            if (entry.Kind != TimelineEntryKind.HealthProbeTarget || ProbeLine().Match(entry.Text) is not { Success: true } first)
            {
                yield return (entry.Offset, entry.Text);
                continue;
            }

            // A check's checkers at every location learn their target in the same second: gather that burst.
            var burst = new List<Match> { first };
            while (i + 1 < timeline.Count
                && timeline[i + 1].Kind == TimelineEntryKind.HealthProbeTarget
                && (int)timeline[i + 1].Offset.TotalSeconds == (int)entry.Offset.TotalSeconds
                && ProbeLine().Match(timeline[i + 1].Text) is { Success: true } next)
            {
                burst.Add(next);
                i++;
            }

            foreach (var group in burst.GroupBy(m => (Check: m.Groups["check"].Value, Target: m.Groups["target"].Value)))
            {
                var locations = group.Select(m => m.Groups["location"].Value).ToList();
                var where = locations.Count == 1 ? locations[0] : $"{locations.Count} locations";
                yield return (entry.Offset, $"{group.Key.Check} checkers at {where} probe {group.Key.Target}");
            }
        }
    }

    [GeneratedRegex(@"^(?<check>\S+) checkers at (?<location>\S+) probe (?<target>.+)$")]
    private static partial Regex ProbeLine();

    private static string KindName(VerdictKind kind) => kind == VerdictKind.NotRun ? "not-run" : kind.ToString().ToLowerInvariant();

    private static string Percent(double? value) =>
        value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "-";
}
