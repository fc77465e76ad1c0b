using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Simulate;

/// <summary>Settings of <c>faultline simulate</c>.</summary>
internal sealed class SimulateSettings : OutputSettings
{
    /// <summary>The most runs one command makes (seeds × sweep points).</summary>
    public const int MaxRuns = 100_000;

    /// <summary>The experiment file.</summary>
    [CommandArgument(0, "<experiment>")]
    [Description("The experiment file, e.g. samples/seed/experiment.yaml, or an FIS template (.json) with --topology.")]
    public string Experiment { get; init; } = string.Empty;

    /// <summary>The (first) seed.</summary>
    [CommandOption("--seed <N>")]
    [Description("Seed of the (first) run. Default: the experiment's seed, else 42. With --runs N, seeds N consecutive values from it")]
    public int? Seed { get; init; }

    /// <summary>How many seeds to run (per sweep point).</summary>
    [CommandOption("--runs <N>")]
    [Description("Run N seeds (per --set point) and report the distribution: verdicts, each check's pass rate, time to unhealthy, to DNS moving, customer outage. Default: 1")]
    public int Runs { get; init; } = 1;

    /// <summary>Sweep axes, <c>PATH=V1,V2,…</c>.</summary>
    [CommandOption("--set <PATH=VALUES>")]
    [Description("Sweep a topology or experiment value over a list, e.g. healthChecks.hc-us.interval=10s,30s (repeatable: the Cartesian product)")]
    public string[] Set { get; init; } = [];

    /// <summary>Where run folders go.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Folder for run folders (journal.db, result.json, report.html) and, with --runs or --set, the batch folder (summary.json, summary.csv, report.html). Default: ./runs")]
    public string Out { get; init; } = "runs";

    /// <summary>Whether batch runs keep their run folders.</summary>
    [CommandOption("--keep-runs")]
    [Description("With --runs or --set: also keep every run's folder (journal.db, result.json, report.html, junit.xml), linked from the batch's report.html. Default: only the summary")]
    public bool KeepRuns { get; init; }

    /// <summary>Another topology to run the experiment against.</summary>
    [CommandOption("--topology <FILE>")]
    [Description("Simulate against this topology instead of the one the experiment names; required with an FIS template")]
    public string? Topology { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var output = base.Validate();
        if (!output.Successful)
        {
            return output;
        }

        if (Runs is < 1 or > MaxRuns)
        {
            return ValidationResult.Error($"--runs {Runs}: give a number of seeds from 1 to {MaxRuns:N0}");
        }

        return ValidationResult.Success();
    }
}
