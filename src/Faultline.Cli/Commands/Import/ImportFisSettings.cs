using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Import;

/// <summary>Settings of <c>faultline import fis</c>.</summary>
internal sealed class ImportFisSettings : CommandSettings
{
    /// <summary>The FIS template.</summary>
    [CommandArgument(0, "<template>")]
    [Description("The FIS experiment template: the JSON of aws fis get-experiment-template, or of create-experiment-template input")]
    public string Template { get; init; } = string.Empty;

    /// <summary>The topology the targets map to; default <c>topology.yaml</c> in the current folder.</summary>
    [CommandOption("--topology <FILE>")]
    [Description("The topology the template's targets map to (by ARN region and function name, or by tags). Default: ./topology.yaml")]
    public string Topology { get; init; } = "topology.yaml";

    /// <summary>Where the experiment goes; default <c>experiment.yaml</c>.</summary>
    [CommandOption("--out <FILE>")]
    [Description("The experiment file to write. Default: experiment.yaml")]
    public string Out { get; init; } = "experiment.yaml";

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Template))
        {
            return ValidationResult.Error("name the FIS template to import, e.g. faultline import fis template.json --topology topology.yaml");
        }

        return PathChecks.InputFile("--topology", Topology) is { } error ? ValidationResult.Error(error) : ValidationResult.Success();
    }
}
