using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Export;

/// <summary>Settings of <c>faultline export aws</c>.</summary>
internal sealed class ExportAwsSettings : CommandSettings
{
    /// <summary>The experiment to export.</summary>
    [CommandArgument(0, "<experiment>")]
    [Description("The experiment file, e.g. samples/seed/experiment.yaml")]
    public string Experiment { get; init; } = string.Empty;

    /// <summary>The bundle's folder.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Folder for the bundle (created if missing; only files an earlier export wrote are overwritten)")]
    public string Out { get; init; } = string.Empty;

    /// <summary>The AWS account id in the bundle's ARNs; default AWS's example account 123456789012.</summary>
    [CommandOption("--account-id <ID>")]
    [Description("Your AWS account id, written into every ARN. Default: 123456789012 (AWS's example account)")]
    public string? AccountId { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Experiment))
        {
            return ValidationResult.Error("name the experiment to export, e.g. faultline export aws samples/seed/experiment.yaml --out bundle");
        }

        if (string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("name the bundle's folder with --out DIR, e.g. --out bundle");
        }

        if (AccountId is not null && (AccountId.Length != 12 || !AccountId.All(char.IsAsciiDigit)))
        {
            return ValidationResult.Error($"--account-id {AccountId} is not an AWS account id: write its 12 digits, e.g. --account-id 123456789012");
        }

        return ValidationResult.Success();
    }
}
