using System.Globalization;
using System.Reflection;
using Faultline.Cli.Commands.Import;
using Faultline.Cli.Commands.Simulate;
using Faultline.Cli.Logging;
using Faultline.Cli.Output;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Host;
using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Verdict;
using Faultline.Dashboard;
using Faultline.Lab.Control;
using Faultline.Lab.Host;
using Faultline.Lab.Limits;
using Faultline.Lab.Load;
using Faultline.Lab.Metrics;
using Faultline.Lab.Runs;
using Faultline.Reports;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Run;

/// <summary>
/// <c>faultline run EXPERIMENT</c>: validates everything first (invalid input injects nothing), runs the
/// experiment on its own lab or a running one, shows progress, and ends with the verdict and its reasons. With
/// <c>--output json</c> standard output carries only the result.json the run wrote; with <c>-q</c> only the verdict line.
/// Exit codes: 0 held, 1 refuted / inconclusive / not-run, 2 invalid input, 3 stopped, 4 the run failed (an internal
/// failure, or the lab given by <c>--lab</c> stopped answering; the verdict is then inconclusive).
/// </summary>
internal sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunSettings>
{
    /// <summary>Time scale when neither the command line, the experiment nor the topology sets one.</summary>
    public const double DefaultTimeScale = 20;

    /// <summary>Seed when neither the command line nor the experiment sets one.</summary>
    public const int DefaultSeed = 42;

    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Simulated)
        {
            // The same as 'faultline simulate EXPERIMENT': one run in virtual time.
            return await new SimulateCommand(console).ExecuteAsync(context, new SimulateSettings { Experiment = settings.Experiment, Seed = settings.Seed, Out = settings.Out, Topology = settings.Topology, OutputText = settings.OutputText, Quiet = settings.Quiet }, cancellationToken);
        }

        var output = CommandOutput.Begin(console, settings);

        string? importedYaml = null;
        ExperimentReadResult read;
        if (FisTemplateInput.IsTemplate(settings.Experiment) && File.Exists(settings.Experiment))
        {
            (read, importedYaml) = FisTemplateInput.Read(settings.Experiment, settings.Topology);
        }
        else
        {
            read = settings.Topology is null
                ? ExperimentReader.Load(settings.Experiment)
                : ExperimentReader.Read(ReadText(settings.Experiment) ?? string.Empty, settings.Experiment, (_, _) => TopologyReader.Load(settings.Topology));
        }

        if (!File.Exists(settings.Experiment) || read.HasErrors || read.Experiment is null || read.Topology is null)
        {
            DiagnosticWriter.Write(output.Problems, read.Diagnostics.Count > 0 ? read.Diagnostics : [Diagnostic.Error(null, $"{settings.Experiment}: the experiment file does not exist", "check the path")]);
            return ExitCodes.InvalidInput;
        }

        var experiment = read.Experiment;
        var topology = read.Topology;
        var warnings = read.Diagnostics
            .Concat(TopologyLinter.Lint(topology, read.TopologyResult?.SourceMap).Select(f => f.ToDiagnostic()))
            .ToList();
        if (warnings.Count > 0)
        {
            DiagnosticWriter.Write(output.Problems, warnings);
        }

        Uri? labUrl = settings.LabUrl;
        string? token = null;
        if (labUrl is not null)
        {
            var lab = LabConnection.Given(settings);
            token = lab.Token;
            if (token is null)
            {
                output.Problems.MarkupLineInterpolated($"[red]error:[/] {lab.TokenError}");
                return ExitCodes.InvalidInput;
            }
        }

        var timeScale = settings.TimeScale ?? experiment.TimeScale ?? topology.TimeScale ?? DefaultTimeScale;
        if (labUrl is not null)
        {
            // A run against a running lab shares its clock: durations only mean the same at the lab's scale.
            using var http = new HttpClient();
            LabDescription lab;
            try
            {
                lab = await new FaultControlClient(http, labUrl, token!).GetLabAsync(cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                output.Problems.MarkupLineInterpolated($"[red]error:[/] {LabConnectionErrors.Unreachable(labUrl, ex.Message)}");
                return ExitCodes.InvalidInput;
            }
            catch (FaultControlException ex)
            {
                output.Problems.MarkupLineInterpolated($"[red]error:[/] {LabConnectionErrors.Refused(labUrl, (int)ex.StatusCode, ex.Message)}");
                return ExitCodes.InvalidInput;
            }

            if (lab.TimeScale is { } labScale)
            {
                if (settings.TimeScale is { } asked && Math.Abs(asked - labScale) > 1e-9)
                {
                    output.Problems.MarkupLine($"[red]--time-scale {asked.ToString(CultureInfo.InvariantCulture)} differs from the lab's {labScale.ToString(CultureInfo.InvariantCulture)}[/]: a run against a running lab uses the lab's clock; drop --time-scale, or start the lab with it");
                    return ExitCodes.InvalidInput;
                }

                timeScale = labScale;
                if (settings.TimeScaleAuto)
                {
                    console.MarkupLine($"[grey]--time-scale auto: a run against a running lab keeps the lab's scale, {labScale.ToString(CultureInfo.InvariantCulture)}[/]");
                }
            }
        }
        else if (settings.TimeScaleAuto)
        {
            timeScale = await CalibrateAsync(console, experiment, topology, settings.Seed ?? experiment.Seed ?? DefaultSeed, cancellationToken);
        }

        var topologyPath = settings.Topology ?? experiment.TopologyPath;
        var options = new RunOptions
        {
            TimeScale = timeScale,
            Seed = settings.Seed ?? experiment.Seed ?? DefaultSeed,
            RunsRoot = settings.Out,
            ExperimentPath = Path.GetFullPath(settings.Experiment),
            ExperimentText = importedYaml ?? ReadText(settings.Experiment) ?? string.Empty,
            TopologyPath = Path.GetFullPath(topologyPath),
            TopologyText = ReadText(topologyPath) ?? string.Empty,
            LabUrl = labUrl,
            LabToken = token,
            ToolVersion = typeof(RunCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0",
        };

        // Load must never run the process out of descriptors: check before the dashboard, metrics or lab start.
        var populations = RunPopulations.Of(experiment, topology, LoadGeneratorOptions.DefaultRequestTimeout);
        if (!DescriptorGate.Pass(output.Problems, DescriptorNeed.ForRun(populations, topology, ownLab: labUrl is null), topologyPath))
        {
            return ExitCodes.InvalidInput;
        }

        console.MarkupLine($"[bold]{Markup.Escape(experiment.Hypothesis.Title)}[/]");
        var wall = TimeProvider.System;
        using var loggers = LoggerFactory.Create(logging =>
        {
            logging.ClearProviders();
            // Warnings are problems: -q keeps them, on standard error.
            logging.AddProvider(new AnsiConsoleLoggerProvider(settings.Quiet ? output.Problems : console, wall, LogLevel.Warning));
            logging.SetMinimumLevel(LogLevel.Warning);
        });

        await using var metrics = await StartMetricsAsync(settings, topology, loggers, cancellationToken);
        await using var dashboard = await StartDashboardAsync(settings, experiment.Hypothesis.Title, loggers, cancellationToken);
        var observer = new CompositeRunObserver(new IRunObserver?[] { new ConsoleRunObserver(console, wall), metrics, dashboard }.OfType<IRunObserver>());
        RunOutcome outcome;
        try
        {
            outcome = await ExperimentRunner.RunAsync(experiment, topology, options, observer, loggers, cancellationToken);
        }
        catch (InvalidOperationException ex) when (labUrl is not null)
        {
            output.Problems.MarkupLine($"[red]{Markup.Escape(ex.Message)}[/]");
            return ExitCodes.InvalidInput;
        }
        catch (FaultControlException ex)
        {
            output.Problems.MarkupLine($"[red]the lab refused: {Markup.Escape(ex.Message)}[/]");
            return ExitCodes.InvalidInput;
        }
        catch (HttpRequestException ex) when (labUrl is not null)
        {
            output.Problems.MarkupLineInterpolated($"[red]error:[/] {LabConnectionErrors.Unreachable(labUrl, ex.Message)}");
            return ExitCodes.InvalidInput;
        }

        RunSummary.Write(console, outcome);
        try
        {
            var files = ReportWriter.WriteAll(RunDirectory.Open(outcome.Directory));
            console.MarkupLine($"report: [bold]{Markup.Escape(files.Html)}[/] (also {Markup.Escape(Path.GetFileName(files.JUnit))}, {Markup.Escape(Path.GetFileName(files.Result))})");
            dashboard?.ServeReport(files.Html);
            if (output.IsJson)
            {
                // The file the run wrote, read back: the JSON on standard output is result.json, whatever it carries.
                output.WriteJson(File.ReadAllText(files.Result));
            }
        }
#pragma warning disable CA1031 // The verdict stands without its report; 'faultline report' can write it again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            output.Problems.MarkupLine($"[yellow]the report could not be written: {Markup.Escape(ex.Message)}; run 'faultline report {Markup.Escape(outcome.Directory)}' to retry[/]");
        }

        output.WriteVerdictLine(RunSummary.VerdictLine(outcome));

        // The run is over: exit with its code, so 'faultline run a && faultline run b' goes on. Only --keep-dashboard
        // keeps the page up, and not after Ctrl-C, which asked the whole command to end.
        if (dashboard is not null && settings.KeepDashboard && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine($"dashboard: still serving the verdict at [bold]{Markup.Escape(dashboard.Url.ToString())}[/]; press Ctrl-C to exit");
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM ends the serving; the run's exit code stands.
            }
        }

        return ExitCodeOf(outcome);
    }

    /// <summary>The exit code of a finished run (README, "Exit codes").</summary>
    public static int ExitCodeOf(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.FinalState switch
        {
            RunState.Stopped or RunState.Stopping => ExitCodes.Stopped,
            RunState.Failed => ExitCodes.InternalFailure,
            _ => outcome.Verdict.Kind == VerdictKind.Held ? ExitCodes.Ok : ExitCodes.Refuted,
        };
    }

    /// <summary>Starts the metrics export the options ask for; a port that cannot be bound is reported and the run goes on without it (STYLE habit 9).</summary>
    private async Task<RunMetrics?> StartMetricsAsync(RunSettings settings, Topology topology, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (settings.MetricsPort is null && settings.Otlp is null)
        {
            return null;
        }

        var metricsOptions = new RunMetricsOptions
        {
            PrometheusPort = settings.MetricsPort,
            OtlpEndpoint = settings.Otlp is null ? null : new Uri(settings.Otlp),
            PopulationLocations = topology.Clients.ToDictionary(c => c.Name, c => c.Location, StringComparer.Ordinal),
        };
        try
        {
            var metrics = await RunMetrics.StartAsync(metricsOptions, loggers, cancellationToken);
            if (metrics.ScrapeUrl is { } url)
            {
                console.MarkupLine($"metrics: {Markup.Escape(url.ToString())}");
            }

            if (metricsOptions.OtlpEndpoint is { } otlp)
            {
                console.MarkupLine($"metrics: exporting OTLP to {Markup.Escape(otlp.ToString())}");
            }

            return metrics;
        }
        catch (IOException ex)
        {
            console.MarkupLine($"[yellow]metrics: cannot listen on 127.0.0.1:{settings.MetricsPort}: {Markup.Escape(ex.Message.TrimEnd('.'))}[/]; the run goes on without metrics");
            return null;
        }
    }

    /// <summary>Starts the live dashboard unless asked not to; a port that cannot be bound is reported and the run goes on without it.</summary>
    private async Task<LiveDashboard?> StartDashboardAsync(RunSettings settings, string title, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (settings.NoDashboard)
        {
            return null;
        }

        var options = new LiveDashboardOptions
        {
            Port = settings.DashboardPort,
            Title = title,
        };
        try
        {
            var dashboard = await LiveDashboard.StartAsync(options, loggers, cancellationToken);
            console.MarkupLine($"dashboard: [bold]{Markup.Escape(dashboard.Url.ToString())}[/]");
            return dashboard;
        }
        catch (IOException ex)
        {
            console.MarkupLine($"[yellow]dashboard: cannot listen on 127.0.0.1:{settings.DashboardPort}: {Markup.Escape(ex.Message.TrimEnd('.'))}[/]; the run goes on without it (pick another --dashboard-port, or 0 for a free one)");
            return null;
        }
    }

    private static async Task<double> CalibrateAsync(IAnsiConsole console, Experiment experiment, Topology topology, int seed, CancellationToken cancellationToken)
    {
        console.MarkupLine($"[grey]--time-scale auto: trying {string.Join(", ", TimeScaleCalibrator.Candidates.Select(HostBudget.FormatScale))} with the experiment's load, {Durations.Describe(TimeScaleCalibrator.TrialWallTime)} each, until the host keeps one[/]");
        var budget = HostBudget.For(topology, 1);
        var calibration = await TimeScaleCalibrator.CalibrateAsync(
            topology,
            RunPopulations.Of(experiment, topology, LoadGeneratorOptions.DefaultRequestTimeout),
            seed,
            TimeProvider.System,
            trial => console.MarkupLine(
                $"[grey]  time scale {HostBudget.FormatScale(trial.TimeScale)}: timers up to {Markup.Escape(Durations.Describe(trial.WorstWallLateness))} late in wall time, {(trial.Kept ? "kept" : "too fast")} (it may be {Markup.Escape(Durations.Describe(budget.Allowance / trial.TimeScale / 2))})[/]"),
            loggers: null,
            cancellationToken);
        var scale = HostBudget.FormatScale(calibration.TimeScale);
        console.MarkupLine(calibration.Kept
            ? $"time scale [bold]{scale}[/] (calibrated: the highest this host keeps within half of {Markup.Escape(budget.DeadlineName)})"
            : $"[yellow]time scale {scale}: even at 1 this host ran timers too late; results may be host-impaired (a quieter machine helps)[/]");
        return calibration.TimeScale;
    }

    private static string? ReadText(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
