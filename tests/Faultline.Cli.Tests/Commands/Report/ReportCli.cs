using Faultline.Cli.Commands.Report;
using Faultline.Core.Journal;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Tests.Commands.Report;

/// <summary>
/// <c>faultline report</c> in-process, registered through <see cref="ReportCommands.AddReportCommand"/> exactly as
/// the application registers it, and journals written in the test from the seed runs.
/// </summary>
internal static class ReportCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 250;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.ConfigureConsole(console);
            config.PropagateExceptions();
            config.AddReportCommand();
        });
        try
        {
            var code = await app.RunAsync(args, TestContext.Current.CancellationToken);
            return (code, output.ToString());
        }
        catch (CommandParseException e)
        {
            return (ExitCodes.InvalidInput, output + e.Message);
        }
        catch (CommandRuntimeException e)
        {
            return (ExitCodes.InvalidInput, output + e.Message);
        }
    }

    /// <summary>Writes a complete journal of <paramref name="run"/> under <paramref name="root"/>/<paramref name="runId"/>.</summary>
    public static RunDirectory Journal(string root, string runId, SomeRun run, string sample)
    {
        var observations = run.Build();
        var directory = RunDirectory.Open(Directory.CreateDirectory(Path.Combine(root, runId)).FullName);
        var experimentPath = RepoPaths.Combine("samples", sample, "experiment.yaml");
        var topologyPath = RepoPaths.Combine("samples", sample, "topology.yaml");
        var header = new RunHeader
        {
            RunId = runId,
            ExperimentPath = experimentPath,
            ExperimentText = File.ReadAllText(experimentPath),
            TopologyPath = topologyPath,
            TopologyText = File.ReadAllText(topologyPath),
            Seed = 42,
            TimeScale = 20,
            StartedAt = SomeRun.T0,
            ToolVersion = "0.1.0",
        };
        using var journal = RunJournal.Create(directory.JournalPath, header, new FakeTimeProvider(SomeRun.T0));
        foreach (var e in observations.Events)
        {
            journal.AppendEvent(e);
        }

        journal.AppendSeconds(observations.Traffic);
        var verdict = VerdictEngine.Decide(observations);
        journal.WritePhases(observations.Phases);
        journal.WriteVerdict(verdict);
        journal.Complete(observations.FinalState);
        return directory;
    }
}
