using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faultline.Core.Journal;

/// <summary>
/// The JSON shape of journal rows and <c>result.json</c>: camelCase, enums as kebab-case names, nulls omitted.
/// Durations keep the default <c>d.hh:mm:ss.fffffff</c> form so they round-trip exactly.
/// </summary>
public static class JournalJson
{
    /// <summary>Compact options for journal rows (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>Indented options for files people read, like <c>result.json</c> (read-only).</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
