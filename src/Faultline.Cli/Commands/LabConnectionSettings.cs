using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands;

/// <summary>
/// <c>--lab</c> and <c>--token-file</c>, the options of every command that talks to a running lab (<c>fault</c>,
/// <c>recover</c>, <c>run --lab</c>): one declaration, one validation, and the lookup in <see cref="LabConnection"/>
/// with the messages of <see cref="LabConnectionErrors"/>.
/// </summary>
public abstract class LabConnectionSettings : CommandSettings
{
    /// <summary>The environment variable holding a token when no token file is given.</summary>
    public const string TokenVariable = "FAULTLINE_TOKEN";

    /// <summary>
    /// A running lab's fault control URL. Default: none; then <c>fault</c> uses the lab running on this machine,
    /// <c>recover</c> every lab there, and <c>run</c> starts its own.
    /// </summary>
    [CommandOption("--lab <URL>")]
    [Description("A running lab's fault control URL, as 'faultline lab up' prints it. Default: fault uses the lab running on this machine (found in $FAULTLINE_HOME/labs), recover every lab there, run starts its own")]
    public string? Lab { get; init; }

    /// <summary>A file holding the lab's token (with <see cref="Lab"/>); default: <c>FAULTLINE_TOKEN</c>, else the token file the lab wrote.</summary>
    [CommandOption("--token-file <FILE>")]
    [Description("With --lab: a file holding the lab's token. Default: $FAULTLINE_TOKEN, else the token the lab wrote to $FAULTLINE_HOME/labs/<port>.token")]
    public string? TokenFile { get; init; }

    /// <summary>The parsed <see cref="Lab"/> URL, or <c>null</c> without one (valid after validation).</summary>
    public Uri? LabUrl => Lab is null ? null : new Uri(Lab);

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        ValidateConnection() is { } error ? ValidationResult.Error(error) : ValidationResult.Success();

    /// <summary>The message for bad <c>--lab</c>/<c>--token-file</c> values, or <c>null</c> when they will do.</summary>
    protected string? ValidateConnection()
    {
        if (Lab is not null && (!Uri.TryCreate(Lab, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            return LabConnectionErrors.NotAnHttpUrl(Lab);
        }

        if (TokenFile is not null && Lab is null)
        {
            return LabConnectionErrors.TokenFileWithoutLab();
        }

        return PathChecks.InputFile("--token-file", TokenFile);
    }
}
