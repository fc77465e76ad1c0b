using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faultline.Core.Faults.Serialization;

/// <summary>
/// The JSON shape of faults on the control API and in journals: camelCase, enums as kebab-case names,
/// durations as strings (<c>60s</c>, <c>PT1M</c>), selection as <c>COUNT(1)</c>, options with a <c>kind</c> discriminator.
/// </summary>
public static class FaultJson
{
    /// <summary>The serializer options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new DurationJsonConverter());
        options.Converters.Add(new SelectionModeJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
