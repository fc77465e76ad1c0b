using System.ComponentModel;
using Faultline.Cli.Output;
using Faultline.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Run;

/// <summary>Settings of <c>faultline run</c>.</summary>
internal sealed class RunSettings : LabConnectionSettings, IOutputSettings
{
    /// <summary><c>--output</c> as typed: <c>text</c> (default) or <c>json</c>. Read it through <see cref="OutputOptions.FormatOf"/>.</summary>
    [CommandOption(OutputOptions.OutputTemplate)]
    [Description(OutputOptions.OutputDescription)]
    [DefaultValue(OutputOptions.DefaultOutput)]
    public string OutputText { get; init; } = OutputOptions.DefaultOutput;

    /// <summary>Whether only the verdict line (or the JSON document) is printed. Default: <c>false</c>.</summary>
    [CommandOption(OutputOptions.QuietTemplate)]
    [Description(OutputOptions.QuietDescription)]
    public bool Quiet { get; init; }

    /// <summary>The experiment file.</summary>
    [CommandArgument(0, "<experiment>")]
    [Description("The experiment file, e.g. samples/seed/experiment.yaml, or an FIS template (.json) with --topology.")]
    public string Experiment { get; init; } = string.Empty;

    /// <summary>
    /// <c>--time-scale</c> as typed: lab seconds per wall second (0.1 to 1000), or <c>auto</c>. Read it through
    /// <see cref="TimeScale"/> and <see cref="TimeScaleAuto"/>.
    /// </summary>
    [CommandOption("--time-scale <K>")]
    [Description("Lab seconds per wall second, from 0.1 to 1000 (20 runs a 10-minute window in 30 s), or auto: calibrates the highest scale this host keeps. Default: the experiment's timeScale, else the topology's, else 20")]
    public string? TimeScaleText { get; init; }

    /// <summary>The time scale asked for on the command line; <c>null</c> when none was given, or with <c>auto</c>.</summary>
    public double? TimeScale => TimeScaleOption.Value(TimeScaleText);

    /// <summary>Whether <c>--time-scale auto</c> asked to calibrate the highest scale this host keeps. Default: <c>false</c>.</summary>
    public bool TimeScaleAuto => TimeScaleOption.IsAuto(TimeScaleText);

    /// <summary>The seed of the run's random source.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the run's random source. Default: the experiment's seed, else 42")]
    public int? Seed { get; init; }

    /// <summary>Where run folders go.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Folder for run folders (journal.db, result.json). Default: ./runs")]
    public string Out { get; init; } = "runs";

    /// <summary>Another topology to run the experiment against.</summary>
    [CommandOption("--topology <FILE>")]
    [Description("Run against this topology instead of the one the experiment names (e.g. the fixed one); required with an FIS template")]
    public string? Topology { get; init; }

    /// <summary>The port of the Prometheus scrape endpoint on 127.0.0.1; 0 picks a free one. Default: none.</summary>
    [CommandOption("--metrics-port <PORT>")]
    [Description("Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while running (0 picks a free port; the URL is printed). Default: off")]
    public int? MetricsPort { get; init; }

    /// <summary>An OTLP endpoint to export the run's metrics to. Default: none.</summary>
    [CommandOption("--otlp <URL>")]
    [Description("Export the run's metrics over OTLP to this endpoint: gRPC (e.g. http://127.0.0.1:4317), or http/protobuf when the path ends in /v1/metrics. Default: off")]
    public string? Otlp { get; init; }

    /// <summary>The port of the live dashboard on 127.0.0.1; 0 picks a free one.</summary>
    [CommandOption("--dashboard-port <PORT>")]
    [Description("Serve the live dashboard at http://127.0.0.1:PORT/ (the URL is printed). Default: 0, a free port")]
    public int DashboardPort { get; init; }

    /// <summary>Whether to run without the live dashboard.</summary>
    [CommandOption("--no-dashboard")]
    [Description("Do not serve the live dashboard")]
    public bool NoDashboard { get; init; }

    /// <summary>Whether the dashboard keeps serving the verdict after the run until Ctrl-C. Default: <c>false</c>, the run exits after the verdict.</summary>
    [CommandOption("--keep-dashboard")]
    [Description("After the verdict, keep serving the dashboard with it until Ctrl-C. Default: exit after the verdict")]
    public bool KeepDashboard { get; init; }

    /// <summary><c>--engine</c> as typed: <c>live</c> (default) or <c>simulated</c>.</summary>
    [CommandOption("--engine <ENGINE>")]
    [Description("live (default): real sockets on the local lab; simulated: the same experiment in virtual time, as 'faultline simulate' runs it")]
    public string Engine { get; init; } = "live";

    /// <summary>Whether <c>--engine simulated</c> was asked for.</summary>
    public bool Simulated => string.Equals(Engine, "simulated", StringComparison.OrdinalIgnoreCase);

    public override ValidationResult Validate()
    {
        // Run settings derive from the lab connection's, so they validate the output options (IOutputSettings) themselves.
        if (OutputOptions.Validate(OutputText) is { } outputError)
        {
            return ValidationResult.Error(outputError);
        }

        if (!string.Equals(Engine, "live", StringComparison.OrdinalIgnoreCase) && !Simulated)
        {
            return ValidationResult.Error(CliErrors.EngineUnknown(Engine));
        }

        if (Simulated && (Lab is not null || TimeScaleText is not null || MetricsPort is not null || Otlp is not null))
        {
            return ValidationResult.Error("--engine simulated runs in virtual time on its own lab: drop --lab, --time-scale, --metrics-port and --otlp, or run live");
        }

        if (string.IsNullOrWhiteSpace(Experiment))
        {
            return ValidationResult.Error("name the experiment file, e.g. faultline run samples/seed/experiment.yaml");
        }

        if (TimeScaleOption.Validate(TimeScaleText, allowAuto: true) is { } timeScaleError)
        {
            return ValidationResult.Error(timeScaleError);
        }

        if (ValidateConnection() is { } connectionError)
        {
            return ValidationResult.Error(connectionError);
        }

        if (MetricsPort is < 0 or > 65535)
        {
            return ValidationResult.Error($"--metrics-port {MetricsPort} must be 0–65535 (0 picks a free port)");
        }

        if (DashboardPort is < 0 or > 65535)
        {
            return ValidationResult.Error($"--dashboard-port {DashboardPort} must be 0–65535 (0 picks a free port)");
        }

        if (NoDashboard && (DashboardPort != 0 || KeepDashboard))
        {
            return ValidationResult.Error("--no-dashboard cannot go with --dashboard-port or --keep-dashboard; drop one");
        }

        if (Otlp is not null && (!Uri.TryCreate(Otlp, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https")))
        {
            return ValidationResult.Error($"--otlp '{Echo.Value(Otlp)}' is not an http URL; e.g. --otlp http://127.0.0.1:4317");
        }

        if ((PathChecks.InputFile("--topology", Topology) ?? PathChecks.OutputFolder("--out", Out)) is { } pathError)
        {
            return ValidationResult.Error(pathError);
        }

        if (Directory.Exists(Experiment))
        {
            return ValidationResult.Error(CliErrors.InputIsAFolder("the experiment", Experiment));
        }

        return ValidationResult.Success();
    }
}
