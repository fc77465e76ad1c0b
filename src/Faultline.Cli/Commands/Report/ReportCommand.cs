using System.Globalization;
using Faultline.Cli.Output;
using Faultline.Core.Diagnostics;
using Faultline.Core.Journal;
using Faultline.Core.Verdict;
using Faultline.Reports;
using Faultline.Reports.Compare;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Report;

/// <summary>
/// <c>faultline report RUN</c> regenerates a run's <c>report.html</c>, <c>junit.xml</c> and <c>result.json</c> from
/// its journal (a killed run's too, marked partial); <c>faultline report --compare A B</c> writes <c>compare.html</c>
/// and prints what changed. With <c>--output json</c> it prints the run's result.json, or with <c>--compare</c> the
/// document of <see cref="CompareJson"/>; with <c>-q</c> only the verdict line.
/// </summary>
internal sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var output = CommandOutput.Begin(console, settings);
        try
        {
            return settings.Compare ? Compare(settings, output) : Single(settings, output);
        }
        catch (InvalidInputException e)
        {
            var lines = e.Diagnostics.Count > 0 ? e.Diagnostics.Select(d => d.ToString()) : [e.Message];
            foreach (var line in lines)
            {
                output.Problems.MarkupLine($"[red]error:[/] {Markup.Escape(line)}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            output.Problems.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return ExitCodes.InvalidInput;
        }
    }

    private int Single(ReportSettings settings, CommandOutput output)
    {
        var directory = RunDirectory.Find(settings.Runs[0], settings.OutDir);
        var files = ReportWriter.WriteAll(directory);
        if (settings.OpenPath)
        {
            console.WriteLine(files.Html);
            output.WriteVerdictLine(files.Html);
            return ExitCodes.Ok;
        }

        var report = files.Report;
        console.MarkupLine($"{Markup.Escape(report.RunId)}: verdict [{Color(report.Verdict.Kind)}]{Markup.Escape(Word(report.Verdict.Kind))}[/]{(report.Partial ? " [yellow](partial — the run did not finish)[/]" : string.Empty)}");
        console.MarkupLine($"report  {Markup.Escape(files.Html)}");
        console.MarkupLine($"junit   {Markup.Escape(files.JUnit)}");
        console.MarkupLine($"result  {Markup.Escape(files.Result)}");
        if (output.IsJson)
        {
            output.WriteJson(File.ReadAllText(files.Result));
        }

        output.WriteVerdictLine($"{report.RunId}: verdict {Word(report.Verdict.Kind)}{(report.Partial ? " (partial — the run did not finish)" : string.Empty)}");
        return ExitCodes.Ok;
    }

    private int Compare(ReportSettings settings, CommandOutput output)
    {
        var a = RunDirectory.Find(settings.Runs[0], settings.OutDir);
        var b = RunDirectory.Find(settings.Runs[1], settings.OutDir);
        var comparison = RunComparison.Create(ReportBuilder.Build(a.JournalPath), ReportBuilder.Build(b.JournalPath));
        var html = Path.GetFullPath(settings.Html ?? Path.Combine(b.FullPath, CompareFileName));
        CompareWriter.Write(comparison, html);
        if (settings.OpenPath)
        {
            console.WriteLine(html);
            output.WriteVerdictLine(html);
            return ExitCodes.Ok;
        }

        var (before, after) = (comparison.Before, comparison.After);
        console.MarkupLine($"A {Markup.Escape(before.RunId)}{(before.Partial ? " [yellow](partial)[/]" : string.Empty)}");
        console.MarkupLine($"B {Markup.Escape(after.RunId)}{(after.Partial ? " [yellow](partial)[/]" : string.Empty)}");
        var unchanged = comparison.VerdictChanged ? string.Empty : " (unchanged)";
        console.MarkupLine($"verdict: [{Color(before.Verdict.Kind)}]{Word(before.Verdict.Kind)}[/] → [{Color(after.Verdict.Kind)}]{Word(after.Verdict.Kind)}[/]{unchanged}");
        console.WriteLine();
        var checks = new Table().AddColumns("check", "threshold", "A", "B");
        foreach (var c in comparison.Checks)
        {
            var row = new[] { c.Name, (c.After ?? c.Before)?.Expected ?? "—", Cell(c.Before), Cell(c.After) }.Select(Markup.Escape).ToArray();
            checks.AddRow(c.ResultChanged ? row.Select(r => $"[bold yellow]{r}[/]").ToArray() : row);
        }

        console.Write(checks);
        var impact = new Table().AddColumns("population", "A failures", "B failures", "A success", "B success", "A outage", "B outage");
        foreach (var (population, x, y) in comparison.Impact)
        {
            impact.AddRow(new[] { population, Count(x?.Failures), Count(y?.Failures), Percent(x?.SuccessRate), Percent(y?.SuccessRate), Outage(x), Outage(y) }.Select(Markup.Escape).ToArray());
        }

        console.Write(impact);
        var timelines = new Table().AddColumns("A timeline", "B timeline");
        var rows = Math.Max(before.Verdict.Timeline.Count, after.Verdict.Timeline.Count);
        for (var i = 0; i < rows; i++)
        {
            timelines.AddRow(Markup.Escape(Line(before.Verdict.Timeline, i)), Markup.Escape(Line(after.Verdict.Timeline, i)));
        }

        console.Write(timelines);
        console.MarkupLine($"compare {Markup.Escape(html)}");
        if (output.IsJson)
        {
            output.WriteJson(CompareJson.Document(comparison, html));
        }

        output.WriteVerdictLine($"verdict: {Word(before.Verdict.Kind)} → {Word(after.Verdict.Kind)}{unchanged}");
        return ExitCodes.Ok;
    }

    /// <summary>The comparison's default file name, in run B's folder.</summary>
    internal const string CompareFileName = "compare.html";

    private static string Word(VerdictKind kind) => kind == VerdictKind.NotRun ? "not run" : kind.ToString().ToLowerInvariant();

    private static string Color(VerdictKind kind) => kind switch
    {
        VerdictKind.Held => "green",
        VerdictKind.Refuted => "red",
        _ => "yellow",
    };

    private static string Cell(Core.Checks.CheckResult? check) => check is null
        ? "—"
        : $"{(check.Passed == false ? "FAILED" : CompareJson.Outcome(check.Passed))} {check.Measured ?? string.Empty}".TrimEnd();

    private static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    private static string Percent(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Outage(CustomerImpact? impact) => impact is null ? "—" : Core.Checks.CheckEvaluator.FormatElapsed(impact.OutageDuration);

    private static string Line(IReadOnlyList<TimelineEntry> timeline, int index) =>
        index < timeline.Count ? $"+{Core.Checks.CheckEvaluator.FormatElapsed(timeline[index].Offset)} {timeline[index].Text}" : string.Empty;
}
