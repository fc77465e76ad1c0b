using System.Reflection;
using Faultline.Cli.Commands.Run;
using Faultline.Cli.Output;
using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Lab.Runs;
using Faultline.Lab.Simulation;
using Faultline.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Simulate;

/// <summary>
/// <c>faultline simulate EXPERIMENT</c>: the same experiment on the simulated engine, in virtual time. One run writes
/// what a live run writes (journal.db, result.json, report.html, junit.xml, marked <c>engine: simulated</c>) and
/// exits like <c>run</c>; the same experiment and seed give the same bytes on any machine. With <c>--output json</c> it
/// prints the result.json it wrote (a batch: its summary.json), with <c>-q</c> only the verdict line.
/// </summary>
internal sealed class SimulateCommand(IAnsiConsole console) : AsyncCommand<SimulateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        var output = CommandOutput.Begin(console, settings);
        var (input, diagnostics) = ExperimentInput.Read(settings.Experiment, settings.Topology);
        if (input is null)
        {
            DiagnosticWriter.Write(output.Problems, diagnostics);
            return ExitCodes.InvalidInput;
        }

        if (input.Warnings.Count > 0)
        {
            DiagnosticWriter.Write(output.Problems, input.Warnings);
        }

        var seed = settings.Seed ?? input.Experiment.Seed ?? RunCommand.DefaultSeed;
        console.MarkupLine($"[bold]{Markup.Escape(input.Experiment.Hypothesis.Title)}[/]");
        if (settings.Runs > 1 || settings.Set.Length > 0)
        {
            try
            {
                return await SimulateBatch.RunAsync(console, output, input, settings, seed, cancellationToken);
            }
            catch (SimulationNotSupportedException ex)
            {
                output.Problems.MarkupLine($"[red]error:[/] {Markup.Escape(input.TopologyPath)}: {Markup.Escape(ex.Message)}");
                return ExitCodes.InvalidInput;
            }
        }

        RunOutcome outcome;
        try
        {
            outcome = await SimulateOnceAsync(input, seed, settings.Out, cancellationToken);
        }
        catch (SimulationNotSupportedException ex)
        {
            output.Problems.MarkupLine($"[red]error:[/] {Markup.Escape(input.TopologyPath)}: {Markup.Escape(ex.Message)}");
            return ExitCodes.InvalidInput;
        }

        console.MarkupLine($"[grey]simulated in virtual time, seed {seed}: {Markup.Escape(outcome.Directory)}[/]");
        RunSummary.Write(console, outcome);
        var files = ReportWriter.WriteAll(RunDirectory.Open(outcome.Directory));
        console.MarkupLine($"report: [bold]{Markup.Escape(files.Html)}[/] (also {Markup.Escape(Path.GetFileName(files.JUnit))}, {Markup.Escape(Path.GetFileName(files.Result))})");
        if (output.IsJson)
        {
            // The file the run wrote, read back: the JSON on standard output is result.json, whatever it carries.
            output.WriteJson(File.ReadAllText(files.Result));
        }

        output.WriteVerdictLine(RunSummary.VerdictLine(outcome));
        return RunCommand.ExitCodeOf(outcome);
    }

    /// <summary>One simulated run of <paramref name="input"/> with <paramref name="seed"/>, into a run folder under <paramref name="runsRoot"/>.</summary>
    public static async Task<RunOutcome> SimulateOnceAsync(ExperimentInput input, int seed, string runsRoot, CancellationToken cancellationToken)
    {
        var options = new RunOptions
        {
            Engine = RunEngine.Simulated,
            TimeScale = 1,
            Seed = seed,
            RunsRoot = runsRoot,
            ExperimentPath = input.ExperimentPath,
            ExperimentText = input.ExperimentText,
            TopologyPath = input.TopologyPath,
            TopologyText = input.TopologyText,
            ToolVersion = ToolVersion,
        };
        await using var lab = new SimulatedRunLab(input.Topology, seed);
        return await ExperimentRunner.RunAsync(input.Experiment, input.Topology, options, lab, observer: null, loggers: null, cancellationToken);
    }

    /// <summary>The tool's version, for the journal.</summary>
    public static string ToolVersion { get; } = typeof(SimulateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
