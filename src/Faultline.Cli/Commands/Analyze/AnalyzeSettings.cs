using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Analyze;

/// <summary>Settings of <c>faultline analyze</c>.</summary>
internal sealed class AnalyzeSettings : CommandSettings
{
    /// <summary>The experiment the AWS run ran.</summary>
    [CommandOption("--experiment <FILE>")]
    [Description("The experiment the AWS run ran, e.g. samples/seed/experiment.yaml (its checks, windows and actions)")]
    public string Experiment { get; init; } = string.Empty;

    /// <summary>The topology, when not the experiment's.</summary>
    [CommandOption("--topology <FILE>")]
    [Description("The topology the run was deployed from, instead of the one the experiment names")]
    public string? Topology { get; init; }

    /// <summary>The output of <c>aws fis get-experiment</c>.</summary>
    [CommandOption("--fis-experiment <FILE>")]
    [Description("The JSON of 'aws fis get-experiment --id ID' for the run (action states and times)")]
    public string? FisExperiment { get; init; }

    /// <summary>The outputs of <c>aws cloudwatch get-metric-data</c>.</summary>
    [CommandOption("--metrics <FILE>")]
    [Description("The JSON of 'aws cloudwatch get-metric-data' for the queries --print-queries prints (repeatable: one file per region)")]
    public string[] Metrics { get; init; } = [];

    /// <summary>Where the report files go.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Folder for result.json, report.html and junit.xml. Default: runs/aws-<experiment id>")]
    public string? Out { get; init; }

    /// <summary>Whether to print the fetch commands instead of analyzing.</summary>
    [CommandOption("--print-queries")]
    [Description("Print the aws cloudwatch get-metric-data commands and query JSON that fetch what analyze reads (with --fis-experiment: for that run's times)")]
    public bool PrintQueries { get; init; }

    /// <summary>Route 53 ids of the topology's health checks, for <c>--print-queries</c>.</summary>
    [CommandOption("--health-check-id <CHECK=ID>")]
    [Description("With --print-queries: the Route 53 id of a topology health check, e.g. hc-us=0a1b2c3d-... (repeatable). Default: a placeholder to replace")]
    public string[] HealthCheckIds { get; init; } = [];

    /// <summary>A local run to write as AWS files instead of analyzing.</summary>
    [CommandOption("--export-run <RUN>")]
    [Description("Write a local run (a run folder or its journal.db, e.g. from 'faultline simulate') as the files an AWS run gives: run.json and metrics-<region>.json into --out. For trying analyze without AWS")]
    public string? ExportRun { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Experiment))
        {
            return ValidationResult.Error("name the experiment the run ran: --experiment FILE");
        }

        if (HealthCheckIds.FirstOrDefault(h => h.Split('=', 2) is not [{ Length: > 0 }, { Length: > 0 }]) is { } bad)
        {
            return ValidationResult.Error($"--health-check-id '{bad}': write CHECK=ID, e.g. hc-us=0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d");
        }

        if (ExportRun is not null)
        {
            return Out is not null && FisExperiment is null && Metrics.Length == 0 && !PrintQueries
                ? ValidationResult.Success()
                : ValidationResult.Error("--export-run writes a local run's AWS files: give it --out DIR and nothing else");
        }

        if (PrintQueries)
        {
            return Metrics.Length == 0 && Out is null ? ValidationResult.Success() : ValidationResult.Error("--print-queries prints the fetch commands; run analyze again with --metrics once the files are fetched");
        }

        if (FisExperiment is null || Metrics.Length == 0)
        {
            return ValidationResult.Error("give the run's files: --fis-experiment RUN.json (aws fis get-experiment) and --metrics DATA.json (aws cloudwatch get-metric-data; see --print-queries)");
        }

        return ValidationResult.Success();
    }
}
