using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Lint;

/// <summary>Settings of <c>faultline lint</c>.</summary>
internal sealed class LintSettings : OutputSettings
{
    /// <summary>The topology or experiment file to check.</summary>
    [CommandArgument(0, "<file>")]
    [Description("The topology or experiment file to check, e.g. samples/seed/topology.yaml or samples/seed/experiment.yaml.")]
    public string Input { get; init; } = string.Empty;

    /// <summary>Whether warnings make the command fail.</summary>
    [CommandOption("--strict")]
    [Description("Exit 1 when there are warnings, not only errors.")]
    public bool Strict { get; init; }

    public override ValidationResult Validate()
    {
        var output = base.Validate();
        if (!output.Successful)
        {
            return output;
        }

        return string.IsNullOrWhiteSpace(Input) ? ValidationResult.Error("name the topology or experiment file to check, e.g. faultline lint topology.yaml") : ValidationResult.Success();
    }
}
