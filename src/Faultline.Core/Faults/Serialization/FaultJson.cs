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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IgnoreOptionsKind, ParseOptionValues } },
        };
        options.Converters.Add(new DurationJsonConverter());
        options.Converters.Add(new SelectionModeJsonConverter());
        options.Converters.Add(new FaultChoiceJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    // An option's value is parsed by the rule and message every front end shares (FaultOptionValues): a malformed
    // delay or percentage reads the same here as in a file or after a flag.
    private static void ParseOptionValues(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        IReadOnlyList<FaultOptionDefinition> definitions = typeInfo.Type == typeof(FaultSpec)
            ? [FaultKindRegistry.Percentage]
            : FaultKindRegistry.All.FirstOrDefault(k => k.OptionsType == typeInfo.Type)?.Options ?? [];
        foreach (var property in typeInfo.Properties)
        {
            if (definitions.FirstOrDefault(d => string.Equals(d.Name, property.Name, StringComparison.Ordinal)) is { } option && ConverterOf(option, property.PropertyType) is { } converter)
            {
                property.CustomConverter = converter;
            }
        }
    }

    private static JsonConverter? ConverterOf(FaultOptionDefinition option, Type type)
    {
        var spelling = FaultOptionSpelling.File;
        return option.Type switch
        {
            FaultOptionType.Duration when type == typeof(TimeSpan?) => new FaultOptionValueJsonConverter<TimeSpan?>(option, text => (FaultOptionValues.Duration(option, spelling, text, out var p), p)),
            FaultOptionType.WholeNumber when type == typeof(int) => new FaultOptionValueJsonConverter<int>(option, text => (FaultOptionValues.WholeNumber(option, spelling, text, out var p) ?? 0, p)),
            FaultOptionType.Number when type == typeof(double) => new FaultOptionValueJsonConverter<double>(option, text => (FaultOptionValues.Number(option, spelling, text, out var p) ?? 0, p)),
            FaultOptionType.Boolean when type == typeof(bool) => new FaultOptionValueJsonConverter<bool>(option, text => (FaultOptionValues.Boolean(option, spelling, text, out var p) ?? false, p)),
            _ => null,
        };
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
