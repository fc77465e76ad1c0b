using System.ComponentModel;
using Faultline.Cli.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary>Settings of <c>faultline fault list</c>.</summary>
public sealed class FaultListSettings : LabConnectionSettings, IOutputSettings
{
    /// <summary><c>--output</c> as typed: <c>text</c> (default) or <c>json</c>. Read it through <see cref="OutputOptions.FormatOf"/>.</summary>
    [CommandOption(OutputOptions.OutputTemplate)]
    [Description(OutputOptions.OutputDescription)]
    [DefaultValue(OutputOptions.DefaultOutput)]
    public string OutputText { get; init; } = OutputOptions.DefaultOutput;

    /// <summary>Whether only the faults' ids (or the JSON document) are printed. Default: <c>false</c>.</summary>
    [CommandOption(OutputOptions.QuietTemplate)]
    [Description("Print only the active faults' ids, one per line (with --output json, only the JSON document); errors still go to standard error")]
    public bool Quiet { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return OutputOptions.Validate(OutputText) is { } error ? ValidationResult.Error(error) : ValidationResult.Success();
    }
}
