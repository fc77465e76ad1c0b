using System.ComponentModel;
using Faultline.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Recover;

/// <summary>Settings of <c>faultline recover</c>.</summary>
public sealed class RecoverSettings : CommandSettings
{
    /// <summary>The lab's fault control URL; default: every lab found in the state directory.</summary>
    [CommandOption("--lab <URL>")]
    [Description("The lab's fault control URL. Default: every lab found in $FAULTLINE_HOME/labs")]
    public string? Lab { get; init; }

    /// <summary>A file holding the lab's token (with <c>--lab</c>); default <c>FAULTLINE_TOKEN</c>, else the lab's token file.</summary>
    [CommandOption("--token-file <FILE>")]
    [Description("A file holding the lab's token (with --lab). Default: $FAULTLINE_TOKEN, else the token the lab wrote to $FAULTLINE_HOME/labs/<port>.token")]
    public string? TokenFile { get; init; }

    /// <summary>Only revert what this owner (a run id) applied; default everything.</summary>
    [CommandOption("--owner <RUN>")]
    [Description("Only revert the faults and configuration changes of this run id. Default: everything")]
    public string? Owner { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Lab is not null && (!Uri.TryCreate(Lab, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            return ValidationResult.Error($"--lab '{Echo.Value(Lab)}' is not an http URL; e.g. --lab http://127.0.0.1:8474");
        }

        if (TokenFile is not null && Lab is null)
        {
            return ValidationResult.Error("--token-file needs --lab: without --lab, each lab's own token file is used");
        }

        if (PathChecks.InputFile("--token-file", TokenFile) is { } tokenError)
        {
            return ValidationResult.Error(tokenError);
        }

        if (Owner is not null && string.IsNullOrWhiteSpace(Owner))
        {
            return ValidationResult.Error("--owner needs a run id");
        }

        return ValidationResult.Success();
    }
}
