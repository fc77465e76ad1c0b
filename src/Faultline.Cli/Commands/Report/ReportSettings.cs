using System.ComponentModel;
using Faultline.Cli.Output;
using Faultline.Core.Journal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Report;

/// <summary>Settings of <c>faultline report</c>.</summary>
internal sealed class ReportSettings : OutputSettings
{
    /// <summary>The run (or, with <c>--compare</c>, the two runs).</summary>
    [CommandArgument(0, "[runs]")]
    [Description("A run id, a unique prefix of one, a run folder or its journal.db; with --compare, two of them (A then B).")]
    public string[] Runs { get; init; } = [];

    /// <summary>Whether to compare two runs.</summary>
    [CommandOption("--compare")]
    [Description("Compare two runs side by side (the blog's fix-it-and-rerun step): verdicts, checks, customer impact, timelines.")]
    public bool Compare { get; init; }

    /// <summary>Where runs are looked up by id.</summary>
    [CommandOption("--out-dir")]
    [Description("The runs folder to look ids up in (the --out of 'faultline run'). Default: runs")]
    public string OutDir { get; init; } = RunDirectory.DefaultRoot;

    /// <summary>Where <c>compare.html</c> goes. Default: <c>compare.html</c> in run B's folder.</summary>
    [CommandOption("--html <FILE>")]
    [Description("With --compare: the HTML file to write. Default: compare.html in run B's folder")]
    public string? Html { get; init; }

    /// <summary>Whether to print only the HTML path.</summary>
    [CommandOption("--open-path")]
    [Description("Print only the HTML file's path, e.g. xdg-open \"$(faultline report RUN --open-path)\"")]
    public bool OpenPath { get; init; }

    public override ValidationResult Validate()
    {
        if (OutputOptions.Parse(OutputText) is null && (OutputText.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || OutputText.Contains('/', StringComparison.Ordinal)))
        {
            // --output used to name the comparison page's file.
            return ValidationResult.Error(CliErrors.ReportOutputIsAFile(OutputText));
        }

        var output = base.Validate();
        if (!output.Successful)
        {
            return output;
        }

        if (OpenPath && Output == OutputFormat.Json)
        {
            return ValidationResult.Error("--open-path prints only the HTML file's path, and --output json only a JSON document; drop one");
        }

        if (Compare)
        {
            return Runs.Length == 2 ? ValidationResult.Success() : ValidationResult.Error("name two runs to compare, e.g. faultline report --compare RUN-A RUN-B");
        }

        if (Html is not null)
        {
            return ValidationResult.Error("--html goes with --compare; a run's report is written into its folder");
        }

        return Runs.Length == 1 ? ValidationResult.Success() : ValidationResult.Error("name one run, e.g. faultline report 20261126-153012-hello-api-7f3a (or a run folder)");
    }
}
