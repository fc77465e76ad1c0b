using System.Reflection;
using System.Runtime.InteropServices;
using Faultline.Cli.Commands.Analyze;
using Faultline.Cli.Commands.Export;
using Faultline.Cli.Commands.Fault;
using Faultline.Cli.Commands.Import;
using Faultline.Cli.Commands.Init;
using Faultline.Cli.Commands.Lab;
using Faultline.Cli.Commands.Lint;
using Faultline.Cli.Commands.Load;
using Faultline.Cli.Commands.Plan;
using Faultline.Cli.Commands.Recover;
using Faultline.Cli.Commands.Report;
using Faultline.Cli.Commands.Run;
using Faultline.Cli.Commands.Simulate;
using Faultline.Cli.Output;
using Faultline.Core.Diagnostics;
using Faultline.Core.Planning;
using Faultline.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli;

/// <summary>The command-line application: every verb registered in one place.</summary>
public static class FaultlineApp
{
    /// <summary>Runs the CLI with the given arguments and returns the exit code. Ctrl-C and SIGTERM cancel the command once; a second one ends the process.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="console">Where output goes, standard error included. Default: the process's standard output, and its standard error for errors and, with <c>--output json</c>, every line but the JSON document.</param>
    /// <param name="predictor">What <c>faultline plan</c> predicts with; default none (the plan says "Prediction: not available").</param>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, IPlanPredictor? predictor = null)
    {
        using var cancellation = new CancellationTokenSource();
        void OnSignal(PosixSignalContext context)
        {
            // The first signal asks the command to stop in order (faults reverted); a second one is not held back.
            context.Cancel = !cancellation.IsCancellationRequested;
            cancellation.Cancel();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        var errors = console ?? StandardError();
        console ??= AnsiConsole.Console;
        foreach (var stream in new[] { console, errors })
        {
            if (!stream.Profile.Capabilities.Interactive && stream.Profile.Width <= 80)
            {
                // Redirected output (a log, a pipe, CI) has no width: don't wrap `file:line:column: …` lines at 80.
                stream.Profile.Width = 400;
            }
        }

        return await Create(console, predictor, errors).RunAsync(EmfArgument.Normalize(args), cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>Builds the application (for tests: run it with a test console).</summary>
    /// <param name="console">Standard output. Default: the process's console.</param>
    /// <param name="predictor">What <c>faultline plan</c> predicts with; default none (the plan says "Prediction: not available").</param>
    /// <param name="errors">Standard error: errors, and with <c>--output json</c> every line but the JSON document. Default: <paramref name="console"/>.</param>
    public static ICommandApp Create(IAnsiConsole? console = null, IPlanPredictor? predictor = null, IAnsiConsole? errors = null)
    {
        console ??= AnsiConsole.Console;
        var routed = new CliConsole(console, errors ?? console);
        var app = new CommandApp();
        CommandRequiredHelpProvider? help = null;
        FaultlineCommandApp? commandApp = null;
        app.Configure(config =>
        {
            config.SetApplicationName("faultline");
            config.SetApplicationVersion(typeof(FaultlineApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");
            config.ConfigureConsole(routed);
            config.SetExceptionHandler((exception, _) => HandleException(routed.Error, exception, commandApp?.Arguments ?? []));
            config.SetInterceptor(new StrictOptionsInterceptor());
            config.Settings.Registrar.RegisterInstance(new PlanPredictorRegistration(predictor));

            config.AddCommand<InitCommand>("init")
                .WithDescription("Write the seed sample: topology.yaml, the experiments, misconfigured/ with the blog's bug, and schemas/ for editors")
                .WithExample("init", "my-lab");
            config.AddCommand<LintCommand>("lint")
                .WithDescription("Validate a topology or an experiment and flag what will not fail over (a health check probing another region) or cannot pass (a check due before the health check can turn)")
                .WithExample("lint", "samples/seed/misconfigured/topology.yaml")
                .WithExample("lint", "samples/seed/experiment.yaml");
            config.AddCommand<PlanCommand>("plan")
                .WithDescription("Dry run: targets, the action schedule in lab time, checks and their windows, stop conditions, checks that cannot pass, and the prediction")
                .WithExample("plan", "samples/seed/experiment.yaml");
            config.AddBranch("lab", lab =>
            {
                lab.SetDescription("Run the local multi-region lab");
                lab.AddCommand<LabUpCommand>("up")
                    .WithDescription("Start gateways, DNS, health checkers and the fault control API; run until Ctrl-C")
                    .WithExample("lab", "up", "samples/seed/topology.yaml", "--time-scale", "20");
            });
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run an experiment end to end: lab, load, faults on schedule, stop conditions, verdict with its reasons")
                .WithExample("run", "samples/seed/experiment.yaml")
                .WithExample("run", "samples/seed/misconfigured/experiment.yaml");
            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("Run an experiment in virtual time: the same lab semantics, deterministic, in under a second; --runs and --set for distributions and sweeps")
                .WithExample("simulate", "samples/seed/experiment.yaml")
                .WithExample("simulate", "samples/seed/misconfigured/experiment.yaml", "--runs", "200");
            config.AddCommand<LoadCommand>("load")
                .WithDescription("Send open-model load to real endpoints for a bounded time: status and region counts per URL per second, as CloudWatch EMF lines (--emf) and Prometheus/OTLP")
                .WithExample("load", "https://api.example.com/api/hello", "--rate", "10", "--duration", "15m", "--emf", "-");
            config.AddCommand<AnalyzeCommand>("analyze")
                .WithDescription("Judge a real AWS run like a local one: FIS action times from 'aws fis get-experiment', metrics from 'aws cloudwatch get-metric-data' (1-minute datapoints); writes result.json, report.html, junit.xml")
                .WithExample("analyze", "--experiment", "samples/seed/experiment.yaml", "--print-queries")
                .WithExample("analyze", "--experiment", "samples/seed/experiment.yaml", "--fis-experiment", "run.json", "--metrics", "metrics-us-east-1.json", "--metrics", "metrics-eu-west-1.json");
            config.AddBranch("export", export =>
            {
                export.SetDescription("Export an experiment to run it elsewhere");
                export.AddCommand<ExportAwsCommand>("aws")
                    .WithDescription("Write a deployable AWS bundle: FIS experiment template, SSM automation document, CloudWatch alarms, IAM roles and a README saying how to deploy and run it with the AWS CLI")
                    .WithExample("export", "aws", "samples/seed/experiment.yaml", "--out", "bundle");
            });
            config.AddBranch("import", import =>
            {
                import.SetDescription("Import an experiment written for another engine");
                import.AddCommand<ImportFisCommand>("fis")
                    .WithDescription("Write the experiment of an AWS FIS experiment template (JSON of get-experiment-template or create-experiment-template)")
                    .WithExample("import", "fis", "samples/aws/seed/fis/experiment-template.json", "--topology", "samples/seed/topology.yaml", "--out", "experiment.yaml");
            });
            config.AddFaultCommands();
            config.AddRecoverCommand();
            config.AddReportCommand();
            help = new CommandRequiredHelpProvider(config.Settings);
            config.SetHelpProvider(help);
        });
        commandApp = new FaultlineCommandApp(app, help!);
        return commandApp;
    }

    // The process's standard error, as a console of its own (colour and width detected for it, not for standard output).
    private static IAnsiConsole StandardError() =>
#pragma warning disable RS0030 // The one place the process's standard error is opened; everything else writes through IAnsiConsole.
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
#pragma warning restore RS0030

    private static int HandleException(IAnsiConsole console, Exception exception, IReadOnlyList<string> arguments)
    {
        switch (exception)
        {
            // Spectre's conversion failure ("Failed to convert 'abc' to Nullable`1") carries the converter's exception
            // but not the option, and a true/false option's bad value is a parse error ("Could not match 'ture' with an
            // argument"): OptionValues finds the value on the command line and says what the option takes.
            case CommandParseException or CommandRuntimeException { InnerException: not null and not CommandAppException } when OptionValues.Problem(arguments) is { } problem:
                return Usage(console, problem);
            case CommandParseException or CommandRuntimeException or UsageException:
                return Usage(console, exception.Message);
            case FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or PathTooLongException:
                // A path the user named that is missing or forbidden is their input, not a bug in faultline.
                console.MarkupLine($"[red]error:[/] {Markup.Escape(Echo.Message(CliErrors.FileSystem(exception.Message)))}");
                return ExitCodes.InvalidInput;
            case InvalidInputException invalid:
                foreach (var diagnostic in invalid.Diagnostics)
                {
                    console.MarkupLine($"[red]{Markup.Escape(diagnostic.ToString())}[/]");
                }

                return ExitCodes.InvalidInput;
            default:
                console.MarkupLine($"[red]internal error:[/] {Markup.Escape(exception.GetType().Name)}: {Markup.Escape(Echo.Message(exception.Message))}");
                console.MarkupLine("[grey]this is a bug in faultline; any faults it had applied were reverted or lapse with their leases[/]");
                return ExitCodes.InternalFailure;
        }
    }

    private static int Usage(IAnsiConsole console, string message)
    {
        console.MarkupLine($"[red]error:[/] {Markup.Escape(Echo.Message(message))}");
        console.MarkupLine($"[grey]{CliErrors.UsageHint}[/]");
        return ExitCodes.InvalidInput;
    }
}
