using System.ComponentModel;
using System.Reflection;
using Faultline.Core.Yaml;
using Spectre.Console.Cli;

namespace Faultline.Cli;

/// <summary>
/// Turns Spectre's "Failed to convert 'abc' to Nullable`1" into the option's own usage error. Spectre does not say
/// which option failed (and a true/false option's bad value is a parse error), so the command line is read again: the command is found by its path (<see cref="PathOf"/>),
/// and the first of its typed options (a number, true/false) whose value the type does not take, or a switch given a value, is the one;
/// <see cref="CliErrors.OptionValueInvalid"/> says what it takes.
/// </summary>
internal static class OptionValues
{
    // Every command's typed options by name as typed (--seed, -q), keyed by the command's path.
    private static readonly Lazy<IReadOnlyList<(string[] Path, ILookup<string, TypedOption> Options)>> s_commands = new(() =>
        [.. SettingsTypes().Select(t => (PathOf(t).Split(' '), OptionsOf(t)))]);

    /// <summary>Every command's settings type in the CLI.</summary>
    public static IEnumerable<Type> SettingsTypes() =>
        typeof(OptionValues).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(CommandSettings).IsAssignableFrom(t));

    /// <summary>
    /// The command path of a settings type by the house layout (<c>Commands/&lt;Area&gt;/&lt;Area&gt;&lt;Verb&gt;Settings</c>):
    /// <c>RunSettings</c> in <c>Commands.Run</c> is <c>run</c>, <c>LabUpSettings</c> in <c>Commands.Lab</c> is <c>lab up</c>.
    /// </summary>
    public static string PathOf(Type settingsType)
    {
        ArgumentNullException.ThrowIfNull(settingsType);
        var area = settingsType.Namespace?[(settingsType.Namespace.LastIndexOf('.') + 1)..] ?? string.Empty;
        var name = settingsType.Name.EndsWith("Settings", StringComparison.Ordinal) ? settingsType.Name[..^"Settings".Length] : settingsType.Name;
        var verb = name.StartsWith(area, StringComparison.Ordinal) ? name[area.Length..] : string.Empty;
        return (verb.Length == 0 ? area : $"{area} {verb}").ToLowerInvariant();
    }

    /// <summary>
    /// The usage error for the first value in <paramref name="arguments"/> that its option's type does not take, or
    /// <c>null</c> when every value converts or the arguments name no command.
    /// </summary>
    public static string? Problem(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var command = s_commands.Value
            .Where(c => c.Path.Length <= arguments.Count && c.Path.Select((word, i) => arguments[i] == word).All(same => same))
            .OrderByDescending(c => c.Path.Length)
            .FirstOrDefault();
        if (command.Options is null)
        {
            return null;
        }

        for (var i = command.Path.Length; i < arguments.Count && arguments[i] != "--"; i++)
        {
            var token = arguments[i];
            if (token.Length < 2 || token[0] != '-')
            {
                continue;
            }

            // Spectre takes --name=value and --name:value as well as --name value.
            var split = token.IndexOfAny(['=', ':']);
            var name = split < 0 ? token : token[..split];
            var value = split >= 0 ? token[(split + 1)..] : i + 1 < arguments.Count && !IsOption(arguments[i + 1]) ? arguments[i + 1] : null;
            if (command.Options[name].FirstOrDefault() is not { } option)
            {
                continue;
            }

            if (option.ValueName is null)
            {
                // A switch (--strict) takes no value: Spectre's "Flags cannot be assigned a value." names neither.
                if (split >= 0)
                {
                    return CliErrors.SwitchTakesNoValue(name, value!, option.Description);
                }

                continue;
            }

            if (value is null || Converts(option.Type, value))
            {
                continue;
            }

            return CliErrors.OptionValueInvalid(name, value, Kind(option.Type), Suggestion(option.Type, value), option.Usage(name));
        }

        return null;
    }

    // The next token is the option's value unless it is an option itself (a negative number is a value).
    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    private static ILookup<string, TypedOption> OptionsOf(Type settingsType) =>
        settingsType.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<CommandOptionAttribute>()))
            .Where(p => p.Attribute is not null && (p.Attribute.ValueName is null ? p.Property.PropertyType == typeof(bool) : Typed(p.Property.PropertyType)))
            .SelectMany(p => p.Attribute!.LongNames.Select(n => "--" + n).Concat(p.Attribute.ShortNames.Select(n => "-" + n))
                .Select(n => (Name: n, Option: new TypedOption(p.Property.PropertyType, p.Attribute.ValueName, p.Property.GetCustomAttribute<DescriptionAttribute>()?.Description))))
            .ToLookup(p => p.Name, p => p.Option, StringComparer.Ordinal);

    // Text options take any value; only the ones Spectre converts can fail to.
    private static bool Typed(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return element != typeof(string);
    }

    private static Type Underlying(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type;
        return Nullable.GetUnderlyingType(element) ?? element;
    }

    // The conversion Spectre makes: the type's TypeConverter (for an array, its element type's).
    private static bool Converts(Type type, string value)
    {
        var converter = TypeDescriptor.GetConverter(type.IsArray ? type.GetElementType()! : type);
        try
        {
            _ = converter.ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException or OverflowException or InvalidCastException)
        {
            return false;
        }
    }

    // What a value of the type looks like, in words.
    private static string Kind(Type type) => Underlying(type) switch
    {
        var t when t == typeof(int) || t == typeof(long) || t == typeof(short) || t == typeof(byte) || t == typeof(uint) || t == typeof(ulong) || t == typeof(ushort) => "a whole number",
        var t when t == typeof(double) || t == typeof(float) || t == typeof(decimal) => "a number",
        var t when t == typeof(bool) => "true or false",
        _ => "a value this option takes",
    };

    // The value meant: true or false for a misspelt or yes/no one; for a number, the number without the
    // unit or separators typed with it ('50%' → 50, '10x' → 10, '1,000' → 1000).
    private static string? Suggestion(Type type, string value)
    {
        var underlying = Underlying(type);
        if (underlying == typeof(bool))
        {
            var word = value.Trim().ToUpperInvariant() switch
            {
                "YES" or "Y" or "ON" or "1" => "true",
                "NO" or "N" or "OFF" or "0" => "false",
                _ => Suggestions.Closest(value, ["true", "false"]),
            };
            return word;
        }

        var number = value.Replace(",", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        var end = number.Length;
        while (end > 0 && !char.IsAsciiDigit(number[end - 1]))
        {
            end--;
        }

        number = number[..end].TrimEnd();
        return number.Length > 0 && number != value && Converts(type, number) ? number : null;
    }

    /// <summary>An option Spectre converts: its property type, value name as help shows it (<c>&lt;N&gt;</c>; <c>null</c> for a switch) and help text.</summary>
    private sealed record TypedOption(Type Type, string? ValueName, string? Description)
    {
        /// <summary>The option's help line, <c>--seed &lt;N&gt;: Seed of …</c>, under the name it was typed with.</summary>
        public string Usage(string typed) => Description is null ? $"{typed} <{ValueName}>" : $"{typed} <{ValueName}>: {Description}";
    }
}
