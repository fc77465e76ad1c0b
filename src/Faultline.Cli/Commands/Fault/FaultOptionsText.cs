using System.Globalization;
using System.Text.Json;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Serialization;

namespace Faultline.Cli.Commands.Fault;

/// <summary>
/// A fault's options in words for <c>fault list</c>, as the control API spells them (<c>delay 60s</c>,
/// <c>status-code 503</c>, <c>percentage 25%</c>): read from the fault's JSON, so every kind shows every option it has.
/// </summary>
internal static class FaultOptionsText
{
    /// <summary>The options of <paramref name="spec"/>, e.g. <c>delay 60s, percentage 50%</c>; <c>-</c> when it has none.</summary>
    public static string Of(FaultSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = new List<string>();
        var json = JsonSerializer.SerializeToElement(spec.Options, FaultJson.Options);
        // "kind" is the JSON discriminator; the table has a column for it.
        foreach (var property in json.EnumerateObject().Where(p => p.Name != "kind"))
        {
            parts.Add($"{JsonNamingPolicy.KebabCaseLower.ConvertName(property.Name)} {Value(property.Value)}");
        }

        // Throttle and health-override act on every request; a share below 100% is news for the others.
        if (spec.Percentage < 100)
        {
            parts.Add($"percentage {spec.Percentage.ToString("0.##", CultureInfo.InvariantCulture)}%");
        }

        return parts.Count == 0 ? "-" : string.Join(", ", parts);
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Array => string.Join("/", value.EnumerateArray().Select(Value)),
        _ => value.GetRawText(),
    };
}
