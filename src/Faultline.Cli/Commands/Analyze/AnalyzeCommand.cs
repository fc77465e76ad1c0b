using Faultline.Cli.Commands.Simulate;
using Faultline.Cli.Output;
using Faultline.Core.Aws.Analyze;
using Faultline.Core.Diagnostics;
using Faultline.Core.Journal;
using Faultline.Core.Verdict;
using Faultline.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Analyze;

/// <summary>
/// <c>faultline analyze --experiment EXP --fis-experiment RUN.json --metrics DATA.json</c>: judges a real AWS run with
/// the same checks, verdict and diagnosis as a local run, from the JSON of <c>aws fis get-experiment</c> and
/// <c>aws cloudwatch get-metric-data</c>, and writes result.json, report.html and junit.xml. Exits like <c>run</c>:
/// 0 held, 1 otherwise, 3 when FIS stopped the experiment, 2 on bad input.
/// </summary>
internal sealed class AnalyzeCommand(IAnsiConsole console) : Command<AnalyzeSettings>
{
    public override int Execute(CommandContext context, AnalyzeSettings settings, CancellationToken cancellationToken)
    {
        var (input, diagnostics) = ExperimentInput.Read(settings.Experiment, settings.Topology);
        if (input is null)
        {
            DiagnosticWriter.Write(console, diagnostics);
            return ExitCodes.InvalidInput;
        }

        try
        {
            return settings.ExportRun is not null ? Export(input, settings) : settings.PrintQueries ? Print(input, settings) : Analyze(input, settings);
        }
        catch (InvalidInputException e)
        {
            DiagnosticWriter.Write(console, e.Diagnostics);
            return ExitCodes.InvalidInput;
        }
    }

    private int Export(ExperimentInput input, AnalyzeSettings settings)
    {
        var run = RunDirectory.Find(settings.ExportRun!, RunDirectory.DefaultRoot);
        var contents = RunJournalReader.Open(run.JournalPath);
        var observations = contents.ToObservations((_, _) => input.Experiment) with { Topology = input.Topology };
        var (fis, metrics) = AwsRunFiles.Write(observations);
        var folder = Directory.CreateDirectory(settings.Out!).FullName;
        var written = new List<string> { Path.Combine(folder, "run.json") };
        File.WriteAllText(written[0], fis);
        foreach (var (region, text) in metrics)
        {
            written.Add(Path.Combine(folder, $"metrics-{region}.json"));
            File.WriteAllText(written[^1], text);
        }

        console.MarkupLine($"wrote {Markup.Escape(string.Join(", ", written))}");
        return ExitCodes.Ok;
    }

    private int Print(ExperimentInput input, AnalyzeSettings settings)
    {
        var ids = settings.HealthCheckIds.Select(h => h.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var queries = MetricQueries.For(input.Experiment, input.Topology, ids);
        DateTimeOffset? start = null;
        DateTimeOffset? end = null;
        if (settings.FisExperiment is not null)
        {
            var fis = FisExperimentReader.Load(settings.FisExperiment);
            var first = fis.Actions.Where(a => a.StartTime is not null).Select(a => a.StartTime!.Value).DefaultIfEmpty(fis.StartTime).Min();
            var last = fis.Actions.Where(a => a.EndTime is not null).Select(a => a.EndTime!.Value).DefaultIfEmpty(fis.EndTime ?? fis.StartTime).Max();
            (start, end) = (first - input.Experiment.Load.Baseline, last + input.Experiment.Load.Recovery);
        }

        console.Profile.Out.Writer.Write(MetricQueries.Commands(queries, start, end));
        return ExitCodes.Ok;
    }

    private int Analyze(ExperimentInput input, AnalyzeSettings settings)
    {
        var fis = FisExperimentReader.Load(settings.FisExperiment!);
        var series = MetricDataReader.Load(settings.Metrics);
        var data = AwsRunConverter.Convert(input.Experiment, input.Topology, fis, series);
        var verdict = AwsRunAnalyzer.Decide(data);
        var runId = $"aws-{(fis.Id.Length > 0 ? fis.Id : "experiment")}";
        var header = new RunHeader
        {
            RunId = runId,
            ExperimentPath = input.ExperimentPath,
            ExperimentText = input.ExperimentText,
            TopologyPath = input.TopologyPath,
            TopologyText = input.TopologyText,
            Seed = 0,
            TimeScale = 1,
            StartedAt = data.Observations.Phases.RunStart,

            // A real AWS run's times are wall times already.
            WallStartedAt = data.Observations.Phases.RunStart,
            ToolVersion = SimulateCommand.ToolVersion,
            Engine = "aws",
        };
        var folder = settings.Out ?? Path.Combine(RunDirectory.DefaultRoot, runId);
        Directory.CreateDirectory(folder);
        var files = ReportWriter.WriteAll(RunDirectory.Open(folder), ReportBuilder.Build(header, data.Observations, verdict));
        console.MarkupLine($"[bold]{Markup.Escape(verdict.Hypothesis)}[/]");
        console.MarkupLine($"AWS run {Markup.Escape(fis.Id)} ({Markup.Escape(fis.Status)}), judged from 1-minute CloudWatch datapoints");
        var color = verdict.Kind switch { VerdictKind.Held => "green", VerdictKind.Refuted => "red", _ => "yellow" };
        console.MarkupLine($"verdict: [{color}]{Markup.Escape(verdict.Summary)}[/]");
        foreach (var check in verdict.Checks)
        {
            var word = check.Passed switch { true => "[green]passed[/]", false => "[red]FAILED[/]", _ => "[yellow]undecided[/]" };
            console.MarkupLine($"  #{check.Number} {Markup.Escape(check.Name)}: {word} — {Markup.Escape(check.Explanation)}");
        }

        foreach (var finding in verdict.Diagnosis)
        {
            console.MarkupLine($"reason ({Markup.Escape(finding.Code)}): {Markup.Escape(finding.Headline)}");
        }

        console.MarkupLine($"report: [bold]{Markup.Escape(files.Html)}[/] (also {Markup.Escape(Path.GetFileName(files.JUnit))}, {Markup.Escape(Path.GetFileName(files.Result))})");
        return data.Observations.FinalState switch
        {
            Core.Runs.RunState.Stopped => ExitCodes.Stopped,
            _ => verdict.Kind == VerdictKind.Held ? ExitCodes.Ok : ExitCodes.Refuted,
        };
    }
}
