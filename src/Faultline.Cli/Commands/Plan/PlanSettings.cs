using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Plan;

/// <summary>Settings of <c>faultline plan</c>.</summary>
internal sealed class PlanSettings : OutputSettings
{
    /// <summary>The experiment file.</summary>
    [CommandArgument(0, "<experiment>")]
    [Description("The experiment file, e.g. samples/seed/experiment.yaml.")]
    public string Experiment { get; init; } = string.Empty;

    /// <summary>Another topology to plan the experiment against. Default: the one the experiment names.</summary>
    [CommandOption("--topology <FILE>")]
    [Description("Plan against this topology instead of the one the experiment names (e.g. the fixed one)")]
    public string? Topology { get; init; }

    /// <summary>The first seed of the prediction. Default: the experiment's seed, else 42.</summary>
    [CommandOption("--seed <N>")]
    [Description("First seed of the prediction's runs (the others follow it). Default: the experiment's seed, else 42")]
    public int? Seed { get; init; }

    public override ValidationResult Validate()
    {
        var output = base.Validate();
        if (!output.Successful)
        {
            return output;
        }

        if (string.IsNullOrWhiteSpace(Experiment))
        {
            return ValidationResult.Error("name the experiment file to plan, e.g. faultline plan experiment.yaml");
        }

        return PathChecks.InputFile("--topology", Topology) is { } pathError ? ValidationResult.Error(pathError) : ValidationResult.Success();
    }
}
