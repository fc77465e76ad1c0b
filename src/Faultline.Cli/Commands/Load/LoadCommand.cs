using System.Text;
using Faultline.Cli.Logging;
using Faultline.Cli.Output;
using Faultline.Core.Randomness;
using Faultline.Core.Text;
using Faultline.Core.Topology;
using Faultline.Lab.Load;
using Faultline.Lab.Metrics;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Load;

/// <summary>
/// <c>faultline load URL… --rate R</c>: the lab's open-model load generator pointed at real endpoints, classifying
/// responses into <c>status_2xx/3xx/4xx/5xx</c> and <c>region_{region}</c> (from a <c>Hello from region X</c> body),
/// printing a line per URL per second, and publishing the counters as CloudWatch EMF lines and over Prometheus/OTLP.
/// Bounded by <c>--duration</c>; Ctrl-C stops it with a summary. Exit codes: 0 ran its duration, 2 invalid input,
/// 3 interrupted.
/// </summary>
internal sealed class LoadCommand(IAnsiConsole console) : AsyncCommand<LoadSettings>
{
    /// <summary>The location label of every population (the Prometheus <c>location</c> label).</summary>
    public const string Location = "load";

    public override async Task<int> ExecuteAsync(CommandContext context, LoadSettings settings, CancellationToken cancellationToken)
    {
        var targets = settings.Targets;
        var perUrl = settings.Rate / targets.Count;
        var clients = targets.Select((url, i) => new ClientConfig { Name = $"url-{i + 1}", Location = Location, Url = url, RatePerSecond = perUrl }).ToList();
        var writeLock = new Lock();
        var output = CommandOutput.Begin(console, OutputFormat.Text, settings.Quiet);

        // Open the EMF file before anything is sent: a path that cannot be written is the user's input, not a failed run.
        TextWriter? emfOut;
        try
        {
            emfOut = settings.Emf is null ? null
                : settings.EmfToStdout ? new ConsoleLineWriter(output.StandardOutput, writeLock)
                : new StreamWriter(settings.Emf, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            output.Problems.MarkupLine($"[red]error:[/] {Markup.Escape(LoadErrors.EmfUnwritable(settings.Emf!, ex.Message))}");
            return ExitCodes.InvalidInput;
        }

        await using var emfOwned = emfOut;
        var emf = emfOut is null ? null : new EmfLoadWriter(emfOut, settings.Namespace, writeLock);
        var wall = TimeProvider.System;
        using var loggers = LoggerFactory.Create(logging =>
        {
            logging.ClearProviders();
            // Warnings are problems: -q keeps them, on standard error.
            logging.AddProvider(new AnsiConsoleLoggerProvider(settings.Quiet ? output.Problems : console, wall, LogLevel.Warning));
            logging.SetMinimumLevel(LogLevel.Warning);
        });

        await using var metrics = await StartMetricsAsync(settings, output, clients, loggers, cancellationToken);

        // With -q the lines per second go nowhere; the summary is the result, on standard output unless EMF is.
        var progress = new LoadProgress(console, writeLock, !settings.Quiet ? console : settings.EmfToStdout ? output.Problems : output.StandardOutput);
        await using var generator = new LoadGenerator(clients, wall, new RandomSource(0), new LoadGeneratorOptions(), loggers.CreateLogger<LoadGenerator>());
        generator.SecondCompleted += (_, second) =>
        {
            // The generator logs a sink that throws (observability never breaks the load); RunMetrics never throws.
            metrics?.OnSecond(second);
            emf?.Write(second);
            progress.OnSecond(second);
        };

        lock (writeLock)
        {
            console.MarkupLine($"[bold]load[/] {Markup.Escape(settings.Rate.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))} req/s for {Markup.Escape(Durations.Describe(settings.Duration))} to {targets.Count} URL{(targets.Count == 1 ? string.Empty : "s")} ({Markup.Escape(perUrl.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))} req/s each){(emf is null ? string.Empty : $"; EMF to {Markup.Escape(settings.EmfToStdout ? "standard output" : settings.Emf!)}, namespace {Markup.Escape(settings.Namespace)}")}");
        }

        var started = wall.GetTimestamp();
        await generator.StartAsync(cancellationToken);
        var interrupted = false;
        try
        {
            await Task.Delay(settings.Duration, wall, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        // Not the command's token: a Ctrl-C must still let in-flight requests finish and the last second be written.
        await generator.StopAsync(CancellationToken.None);
        progress.WriteSummary(wall.GetElapsedTime(started), interrupted);
        if (emf is not null && !settings.EmfToStdout)
        {
            console.MarkupLine($"[grey]emf: {emf.Lines} lines in {Markup.Escape(settings.Emf!)}[/]");
        }

        return interrupted ? ExitCodes.Stopped : ExitCodes.Ok;
    }

    /// <summary>Starts the metrics export the options ask for; a port that cannot be bound is reported and the load goes on without it (STYLE habit 9).</summary>
    private async Task<RunMetrics?> StartMetricsAsync(LoadSettings settings, CommandOutput output, IReadOnlyList<ClientConfig> clients, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (settings.MetricsPort is null && settings.Otlp is null)
        {
            return null;
        }

        var options = new RunMetricsOptions
        {
            PrometheusPort = settings.MetricsPort,
            OtlpEndpoint = settings.Otlp is null ? null : new Uri(settings.Otlp),
            PopulationLocations = clients.ToDictionary(c => c.Name, c => c.Location, StringComparer.Ordinal),
        };
        try
        {
            var metrics = await RunMetrics.StartAsync(options, loggers, cancellationToken);
            if (metrics.ScrapeUrl is { } url)
            {
                console.MarkupLine($"metrics: {Markup.Escape(url.ToString())}");
            }

            if (options.OtlpEndpoint is { } otlp)
            {
                console.MarkupLine($"metrics: exporting OTLP to {Markup.Escape(otlp.ToString())}");
            }

            return metrics;
        }
        catch (IOException ex)
        {
            output.Problems.MarkupLine($"[yellow]metrics: cannot listen on 127.0.0.1:{settings.MetricsPort}: {Markup.Escape(ex.Message.TrimEnd('.'))}[/]; the load goes on without metrics");
            return null;
        }
    }
}
