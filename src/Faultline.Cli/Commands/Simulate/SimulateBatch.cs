using System.Globalization;
using System.Text.Json;
using Faultline.Cli.Output;
using Faultline.Core.Files;
using Faultline.Core.Journal;
using Faultline.Core.Results;
using Faultline.Core.Runs;
using Faultline.Core.Simulation;
using Faultline.Core.Sweeps;
using Faultline.Core.Text;
using Faultline.Core.Verdict;
using Faultline.Lab.Runs;
using Faultline.Lab.Simulation;
using Faultline.Reports;
using Faultline.Reports.Sweeps;
using Spectre.Console;

namespace Faultline.Cli.Commands.Simulate;

/// <summary>
/// <c>simulate --runs N</c> and <c>--set</c>: every sweep point × N seeds, summarised per point and written as
/// <c>summary.json</c>, <c>summary.csv</c> (one row per point) and <c>report.html</c> (the same table, the blog's
/// question answered for every point, links to kept runs' reports) next to the runs' folders.
/// </summary>
internal static class SimulateBatch
{

    /// <summary>Runs the batch, writes its summary files, and prints the table (or, with <c>--output json</c>, summary.json).</summary>
    public static async Task<int> RunAsync(IAnsiConsole console, CommandOutput output, ExperimentInput input, SimulateSettings settings, int firstSeed, CancellationToken cancellationToken)
    {
        var plan = SweepPlan.Parse(settings.Set);
        if (plan.HasErrors || plan.Plan is null)
        {
            DiagnosticWriter.Write(output.Problems, plan.Diagnostics);
            return ExitCodes.InvalidInput;
        }

        var applied = SweepApplier.ApplyAll(new SweepSources(input.ExperimentText, input.ExperimentPath, input.TopologyText, input.TopologyPath), plan.Plan);
        if (applied.HasErrors)
        {
            DiagnosticWriter.Write(output.Problems, applied.Diagnostics);
            return ExitCodes.InvalidInput;
        }

        var seeds = Enumerable.Range(0, settings.Runs).Select(i => unchecked(firstSeed + i)).ToArray();
        var points = applied.Applications;
        if ((long)points.Count * seeds.Length > SimulateSettings.MaxRuns)
        {
            output.Problems.MarkupLine($"[red]error:[/] {points.Count:N0} sweep points × {seeds.Length:N0} seeds is {(long)points.Count * seeds.Length:N0} runs; at most {SimulateSettings.MaxRuns:N0}: fewer --runs or fewer values");
            return ExitCodes.InvalidInput;
        }

        var batch = BatchFolder(settings.Out, input);
        var wall = TimeProvider.System;
        var started = wall.GetTimestamp();
        console.MarkupLine($"[grey]simulating {points.Count:N0} point{(points.Count == 1 ? string.Empty : "s")} × {seeds.Length:N0} seed{(seeds.Length == 1 ? string.Empty : "s")} ({seeds[0]}…{seeds[^1]}) in virtual time{(settings.KeepRuns ? $"; runs in {Markup.Escape(batch)}" : string.Empty)}[/]");
        var summaries = new List<SimulationSummary>();
        var kept = new List<IReadOnlyList<RunOutcome>>();
        var heldEverywhere = true;
        for (var p = 0; p < points.Count; p++)
        {
            var point = points[p];
            var options = new RunOptions
            {
                Engine = RunEngine.Simulated,
                TimeScale = 1,
                Seed = firstSeed,
                RunsRoot = Path.Combine(batch, points.Count == 1 ? "runs" : $"point-{p + 1}"),
                ExperimentPath = input.ExperimentPath,
                ExperimentText = point.ExperimentText,
                TopologyPath = input.TopologyPath,
                TopologyText = point.TopologyText,
                ToolVersion = SimulateCommand.ToolVersion,
                WriteRunFolder = settings.KeepRuns,
            };
            var settingsOfPoint = point.Point.Settings.Select(s => new KeyValuePair<string, string>(s.Axis.Path, s.Value)).ToArray();
            var (summary, runs) = await SimulationBatch.RunAsync(point.Experiment!, point.Topology!, options, seeds, point.Point.Label, settingsOfPoint, completed: null, cancellationToken);
            summaries.Add(summary);
            if (settings.KeepRuns)
            {
                kept.Add(runs);
            }

            heldEverywhere &= summary.Verdicts.Keys.All(k => k == VerdictKind.Held);
        }

        var elapsed = wall.GetElapsedTime(started);
        Write(console, summaries, plan.Plan.IsSweep);
        var json = Path.Combine(batch, "summary.json");
        var csv = Path.Combine(batch, "summary.csv");
        ResultJson.Write(json, new BatchSummary
        {
            SchemaVersion = RunResult.CurrentSchemaVersion,
            ToolVersion = SimulateCommand.ToolVersion,
            Engine = "simulated",
            Experiment = input.ExperimentPath,
            Topology = input.TopologyPath,
            Seeds = seeds,
            Points = summaries,
        });
        AtomicFile.WriteAllText(csv, SweepCsv.Render(summaries));
        console.MarkupLine($"{summaries.Sum(s => s.Seeds.Count):N0} simulated runs in {Markup.Escape(Durations.Describe(elapsed))} of wall time; summary: [bold]{Markup.Escape(json)}[/] (also {Path.GetFileName(csv)})");
        var html = Path.Combine(batch, SweepWriter.ReportFileName);
        SweepWriter.Write(
            new SweepReport
            {
                Hypothesis = input.Experiment.Hypothesis.Title,
                ExperimentPath = input.ExperimentPath,
                TopologyName = input.Topology.Name,
                TopologyPath = input.TopologyPath,
                Seeds = seeds,
                WallTime = elapsed,
                ToolVersion = SimulateCommand.ToolVersion,
                Points = summaries,
                Runs = kept.Select(runs => WriteRunReports(batch, seeds, runs)).ToArray(),
            },
            html);
        console.MarkupLine($"report: [bold]{Markup.Escape(html)}[/]{(settings.KeepRuns ? " (and each kept run's report.html)" : string.Empty)}");
        if (output.IsJson)
        {
            output.WriteJson(File.ReadAllText(json));
        }

        output.WriteVerdictLine(QuietLine(summaries));
        return heldEverywhere ? ExitCodes.Ok : ExitCodes.Refuted;
    }

    /// <summary>The line <c>simulate --runs N -q</c> prints: how many runs reached each verdict, over every point.</summary>
    internal static string QuietLine(IReadOnlyList<SimulationSummary> summaries)
    {
        var verdicts = summaries.SelectMany(s => s.Verdicts).GroupBy(v => v.Key).OrderBy(g => g.Key).Select(g => $"{VerdictName(g.Key)} {g.Sum(v => v.Value).ToString(CultureInfo.InvariantCulture)}");
        var runs = summaries.Sum(s => s.Seeds.Count);
        return $"verdicts: {string.Join(", ", verdicts)} of {runs.ToString(CultureInfo.InvariantCulture)} simulated run{(runs == 1 ? string.Empty : "s")}{(summaries.Count > 1 ? $" at {summaries.Count.ToString(CultureInfo.InvariantCulture)} points" : string.Empty)}";
    }

    // Kept runs get what a single simulated run gets (report.html, junit.xml, result.json), so the batch page links to them.
    // Each run's report reads only its own journal, so they are written side by side, like the runs were.
    private static SweepRun[] WriteRunReports(string batch, int[] seeds, IReadOnlyList<RunOutcome> runs)
    {
        var written = new SweepRun[runs.Count];
        Parallel.For(0, runs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            written[i] = new SweepRun(seeds[i], runs[i].Verdict.Kind, Path.GetRelativePath(batch, ReportWriter.WriteAll(RunDirectory.Open(runs[i].Directory)).Html)));
        return written;
    }

    private static string BatchFolder(string root, ExperimentInput input)
    {
        var name = Path.GetFileNameWithoutExtension(input.ExperimentPath);
        var folder = Path.Combine(Path.GetFullPath(root), $"{input.Topology.Name}{(name is { Length: > 0 } and not "experiment" ? "-" + name : string.Empty)}-simulated");
        var candidate = folder;
        for (var i = 2; Directory.Exists(candidate); i++)
        {
            candidate = $"{folder}-{i}";
        }

        Directory.CreateDirectory(candidate);
        return candidate;
    }

    private static void Write(IAnsiConsole console, List<SimulationSummary> summaries, bool sweep)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("simulated distribution (times from the fault's start: median [[p5–p95]], never = runs where it did not happen)");
        if (sweep)
        {
            table.AddColumn("setting");
        }

        table.AddColumn("runs");
        table.AddColumn("verdicts");
        var first = summaries[0];
        foreach (var check in first.TimeToUnhealthy.Keys)
        {
            table.AddColumn($"{Markup.Escape(check)} unhealthy after");
        }

        foreach (var move in first.TimeToDnsMove.Keys)
        {
            table.AddColumn($"DNS at {Markup.Escape(move)} moves after");
        }

        foreach (var population in first.Outage.Keys)
        {
            table.AddColumn($"{Markup.Escape(population)} outage");
        }

        foreach (var s in summaries)
        {
            var row = new List<string>();
            if (sweep)
            {
                row.Add(Markup.Escape(s.Label));
            }

            row.Add(s.Seeds.Count.ToString("N0", CultureInfo.InvariantCulture));
            row.Add(string.Join(", ", s.Verdicts.Select(v => $"{VerdictName(v.Key)} {v.Value}")));
            row.AddRange(first.TimeToUnhealthy.Keys.Select(k => Cell(s.TimeToUnhealthy.GetValueOrDefault(k))));
            row.AddRange(first.TimeToDnsMove.Keys.Select(k => Cell(s.TimeToDnsMove.GetValueOrDefault(k))));
            row.AddRange(first.Outage.Keys.Select(k => Cell(s.Outage.GetValueOrDefault(k))));
            table.AddRow(row.ToArray());
        }

        console.Write(table);
        if (summaries.Count > 1 && SweepAnswer.Of(summaries) is { Best.Count: > 0 } answer)
        {
            // The blog's question, answered as report.html answers it (the same point is highlighted there).
            var best = summaries[answer.Best[0]].Outage[answer.Population];
            console.MarkupLine($"{Markup.Escape(answer.Question)} Soonest{(answer.Best.Count > 1 ? ", tied," : string.Empty)} with {Markup.Escape(string.Join("; ", answer.Best.Select(i => summaries[i].Label)))}: {Cell(best)}");
        }

        if (!sweep)
        {
            var checks = new Table().Border(TableBorder.Rounded).Title("checks").AddColumn("check").AddColumn("passed in");
            foreach (var (check, rate) in first.CheckPassRates)
            {
                checks.AddRow(Markup.Escape(check), (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%");
            }

            console.Write(checks);
        }
    }

    private static string Cell(TimeDistribution? d) => d switch
    {
        null => "—",
        { Count: 0 } => $"never ({d.Never})",
        _ => $"{Durations.Describe(d.P50!.Value)} [[{Durations.Describe(d.P5!.Value)}–{Durations.Describe(d.P95!.Value)}]]{(d.Never > 0 ? $", never {d.Never}" : string.Empty)}",
    };

    private static string VerdictName(VerdictKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());
}
