using System.ComponentModel;
using Faultline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands;

/// <summary>
/// Settings of a command with machine-readable output: <c>--output text|json</c> and <c>-q|--quiet</c>
/// (<see cref="OutputOptions"/>, <see cref="IOutputSettings"/>). A derived class that validates more calls <see cref="Validate"/> first.
/// </summary>
internal abstract class OutputSettings : CommandSettings, IOutputSettings
{
    /// <summary><c>--output</c> as typed: <c>text</c> (default) or <c>json</c>. Read it through <see cref="Output"/>.</summary>
    [CommandOption(OutputOptions.OutputTemplate)]
    [Description(OutputOptions.OutputDescription)]
    [DefaultValue(OutputOptions.DefaultOutput)]
    public string OutputText { get; init; } = OutputOptions.DefaultOutput;

    /// <summary>Whether only the verdict line (or the JSON document) is printed. Default: <c>false</c>.</summary>
    [CommandOption(OutputOptions.QuietTemplate)]
    [Description(OutputOptions.QuietDescription)]
    public bool Quiet { get; init; }

    /// <summary>The output format (valid after validation); <see cref="OutputFormat.Text"/> when none was given.</summary>
    public OutputFormat Output => OutputOptions.FormatOf(this);

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        OutputOptions.Validate(OutputText) is { } error ? ValidationResult.Error(error) : ValidationResult.Success();
}
