using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Faultline.Cli;

/// <summary>
/// Spectre's help, except where it stands in for a missing command: <c>faultline</c>, <c>faultline lab</c> or
/// <c>faultline fault</c> with no command after it is a usage error (exit 2, README "Exit codes"), not a request for
/// help (Spectre prints the group's help and exits 0 or 1). Asked for with <c>--help</c>, help is shown as always.
/// </summary>
internal sealed class CommandRequiredHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <summary>Whether the command line asked for help (<c>-h</c>, <c>-?</c> or <c>--help</c>); set before each run.</summary>
    public bool HelpAsked { get; set; }

    /// <summary>Whether <paramref name="argument"/> is one of the help options Spectre recognises.</summary>
    public static bool IsHelpOption(string argument) => argument is "-h" or "-?" or "--help";

    /// <inheritdoc />
    /// <exception cref="UsageException">Help stands in for a command the user did not name.</exception>
    public override IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!HelpAsked && (command is null || command.IsBranch))
        {
            var commands = (command?.Commands ?? model.Commands).Where(c => !c.IsHidden).Select(c => c.Name).ToList();
            throw new UsageException(CliErrors.MissingCommand(PathOf(model, command), commands));
        }

        return base.Write(model, command);
    }

    private static string PathOf(ICommandModel model, ICommandInfo? command)
    {
        var names = new List<string>();
        for (var current = command; current is not null; current = current.Parent)
        {
            names.Insert(0, current.Name);
        }

        names.Insert(0, model.ApplicationName);
        return string.Join(' ', names);
    }
}
