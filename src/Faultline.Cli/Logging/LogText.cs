using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Faultline.Core.Text;

namespace Faultline.Cli.Logging;

/// <summary>
/// Renders a structured log message for people: its template with each value as a user writes it — a duration as
/// <c>30s</c> or <c>2m30s</c> (not <c>00:00:30</c>), a list as <c>a, b</c>, a name as <c>lease-expired</c> — rather than as
/// .NET's <c>ToString</c> gives it.
/// </summary>
internal static class LogText
{
    private const string OriginalFormat = "{OriginalFormat}";

    /// <summary>The message, or <c>null</c> when <paramref name="state"/> carries no template (then the logger's own formatter is used).</summary>
    public static string? Render<TState>(TState state)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values
            || values.FirstOrDefault(v => v.Key == OriginalFormat).Value is not string template)
        {
            return null;
        }

        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            byName[key] = value;
        }

        var text = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                text.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                text.Append('}');
                i++;
                continue;
            }

            var end = c == '{' ? template.IndexOf('}', i + 1) : -1;
            if (end < 0)
            {
                text.Append(c);
                continue;
            }

            var hole = template[(i + 1)..end];
            var colon = hole.IndexOf(':', StringComparison.Ordinal);
            var name = (colon < 0 ? hole : hole[..colon]).Split(',')[0].TrimStart('@', '$');
            var format = colon < 0 ? null : hole[(colon + 1)..];
            text.Append(byName.TryGetValue(name, out var value) ? Value(value, format) : "{" + hole + "}");
            i = end;
        }

        return text.ToString();
    }

    /// <summary>One value as a user writes it.</summary>
    public static string Value(object? value, string? format = null) => value switch
    {
        null => "-",
        string s => s,
        TimeSpan t => Durations.Describe(t),
        Enum e => JsonNamingPolicy.KebabCaseLower.ConvertName(e.ToString()),
        IFormattable f => f.ToString(format, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(v => Value(v))),
        _ => value.ToString() ?? string.Empty,
    };
}
