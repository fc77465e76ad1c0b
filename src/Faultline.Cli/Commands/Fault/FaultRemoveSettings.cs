using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary>Settings of <c>faultline fault remove [ID] [--owner X]</c>.</summary>
public sealed class FaultRemoveSettings : LabConnectionSettings
{
    /// <summary>The fault to revert.</summary>
    [CommandArgument(0, "[ID]")]
    [Description("The fault id (from 'faultline fault list')")]
    public string? Id { get; init; }

    /// <summary>Revert every fault of this owner instead.</summary>
    [CommandOption("--owner <OWNER>")]
    [Description("Revert every fault of this owner instead of one id")]
    public string? Owner { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return (Id is null) == (Owner is null)
            ? ValidationResult.Error("give either a fault id or --owner X (to remove everything, use 'faultline fault reset')")
            : ValidationResult.Success();
    }
}
