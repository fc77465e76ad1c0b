using System.Reflection;
using Spectre.Console.Cli;

namespace Faultline.Cli;

/// <summary>
/// Makes every command strict: an option the command does not have, or arguments after <c>--</c>, stop it
/// before it runs (exit 2) with did-you-mean. Spectre's own strict mode reports unknown options without a
/// suggestion; here the suggestion comes from the settings type's options, with the project's rule.
/// </summary>
internal sealed class StrictOptionsInterceptor : ICommandInterceptor
{
    /// <inheritdoc />
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        var command = CommandPath(context);
        foreach (var group in context.Remaining.Parsed)
        {
            var option = group.Key.StartsWith('-') ? group.Key : (group.Key.Length == 1 ? "-" : "--") + group.Key;
            throw new UsageException(CliErrors.UnknownOption(option, command, OptionsOf(settings.GetType())));
        }

        if (context.Remaining.Raw.Count > 0)
        {
            throw new UsageException(CliErrors.StrayArguments(command, context.Remaining.Raw));
        }
    }

    /// <inheritdoc />
    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }

    /// <summary>Every option name of a settings type, as typed (<c>--time-scale</c>, <c>-v</c>), plus <c>--help</c>.</summary>
    public static IReadOnlyList<string> OptionsOf(Type settingsType)
    {
        ArgumentNullException.ThrowIfNull(settingsType);
        var names = new List<string>();
        foreach (var property in settingsType.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
            {
                names.AddRange(option.LongNames.Select(n => "--" + n));
                names.AddRange(option.ShortNames.Select(n => "-" + n));
            }
        }

        names.Add("--help");
        return names;
    }

    // The verb as typed, e.g. "lab up" or "fault add": the arguments up to the command's own name.
    private static string CommandPath(CommandContext context)
    {
        var arguments = context.Arguments;
        var at = arguments.ToList().IndexOf(context.Name);
        return at < 0 ? context.Name : string.Join(' ', arguments.Take(at + 1).Where(a => !a.StartsWith('-')));
    }
}
