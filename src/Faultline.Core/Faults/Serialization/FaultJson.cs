using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IgnoreOptionsKind } },
        };
        options.Converters.Add(new DurationJsonConverter());
        options.Converters.Add(new SelectionModeJsonConverter());
        options.Converters.Add(new FaultChoiceJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // The overridden Kind properties do not inherit the base's [JsonIgnore]; "kind" is the discriminator.
    private static void IgnoreOptionsKind(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeof(FaultOptions).IsAssignableFrom(typeInfo.Type))
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            if (string.Equals(typeInfo.Properties[i].Name, "kind", StringComparison.Ordinal))
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
