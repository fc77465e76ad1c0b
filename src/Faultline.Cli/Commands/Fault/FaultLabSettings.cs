using System.ComponentModel;
using Faultline.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary>What every <c>faultline fault</c> verb needs: the lab's control URL and, optionally, its token file.</summary>
public abstract class FaultLabSettings : CommandSettings
{
    /// <summary>The environment variable holding a token when no token file is given.</summary>
    public const string TokenVariable = "FAULTLINE_TOKEN";

    /// <summary>The control URL of a lab started with <c>faultline lab up</c>'s default ports.</summary>
    public const string DefaultLab = "http://127.0.0.1:8474";

    /// <summary>The lab's fault control URL. Default <c>http://127.0.0.1:8474</c>, where <c>faultline lab up</c> listens by default.</summary>
    [CommandOption("--lab <URL>")]
    [Description("The lab's fault control URL, printed by 'faultline lab up'. Default: http://127.0.0.1:8474")]
    [DefaultValue(DefaultLab)]
    public string? Lab { get; init; } = DefaultLab;

    /// <summary>A file holding the lab's token; default: <c>FAULTLINE_TOKEN</c>, else the lab's token file in the state directory.</summary>
    [CommandOption("--token-file <FILE>")]
    [Description("A file holding the lab's token. Default: $FAULTLINE_TOKEN, else the token the lab wrote to $FAULTLINE_HOME/labs/<port>.token")]
    public string? TokenFile { get; init; }

    /// <summary>The parsed <see cref="Lab"/> URL (valid after validation).</summary>
    public Uri LabUrl => new(Lab!);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Lab))
        {
            return ValidationResult.Error("--lab is required: the lab's fault control URL, e.g. --lab http://127.0.0.1:8474 (printed by 'faultline lab up')");
        }

        if (!Uri.TryCreate(Lab, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return ValidationResult.Error($"--lab '{Echo.Value(Lab)}' is not an http URL; e.g. --lab http://127.0.0.1:8474");
        }

        if (PathChecks.InputFile("--token-file", TokenFile) is { } tokenError)
        {
            return ValidationResult.Error(tokenError);
        }

        return ValidationResult.Success();
    }
}
