using System.ComponentModel;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Init;

/// <summary>Settings of <c>faultline init</c>.</summary>
internal sealed class InitSettings : CommandSettings
{
    /// <summary>The folder to write into. Default: the current folder.</summary>
    [CommandArgument(0, "[dir]")]
    [Description("Folder to write the seed sample into (default: the current folder).")]
    public string Directory { get; init; } = ".";

    /// <summary>Whether existing files may be overwritten.</summary>
    [CommandOption("--force")]
    [Description("Overwrite files that already exist.")]
    public bool Force { get; init; }
}
