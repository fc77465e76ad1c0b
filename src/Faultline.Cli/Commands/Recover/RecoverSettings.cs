using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Recover;

/// <summary>Settings of <c>faultline recover</c>: <c>--lab</c> (default: every lab found in the state directory), <c>--token-file</c>, <c>--owner</c>.</summary>
public sealed class RecoverSettings : LabConnectionSettings
{
    /// <summary>Only revert what this owner (a run id) applied; default everything.</summary>
    [CommandOption("--owner <RUN>")]
    [Description("Only revert the faults and configuration changes of this run id. Default: everything")]
    public string? Owner { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (ValidateConnection() is { } connectionError)
        {
            return ValidationResult.Error(connectionError);
        }

        if (Owner is not null && string.IsNullOrWhiteSpace(Owner))
        {
            return ValidationResult.Error("--owner needs a run id");
        }

        return ValidationResult.Success();
    }
}
