using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Lint;

/// <summary>Settings of <c>faultline lint</c>.</summary>
internal sealed class LintSettings : CommandSettings
{
    /// <summary>The topology file to check.</summary>
    [CommandArgument(0, "<topology>")]
    [Description("The topology file to check, e.g. samples/seed/topology.yaml.")]
    public string Topology { get; init; } = string.Empty;

    /// <summary>Whether warnings make the command fail.</summary>
    [CommandOption("--strict")]
    [Description("Exit 1 when there are warnings, not only errors.")]
    public bool Strict { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Topology) ? ValidationResult.Error("name the topology file to check, e.g. faultline lint topology.yaml") : ValidationResult.Success();
}
