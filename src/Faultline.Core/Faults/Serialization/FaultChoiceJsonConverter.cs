using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faultline.Core.Faults.Serialization;

/// <summary>
/// Reads and writes the enums of fault kinds' choice options (<see cref="FaultOptionDefinition.ChoiceType"/>) by their
/// choice names; an unknown name fails with the message every front end gives (<see cref="FaultOptionErrors.UnknownChoice"/>).
/// </summary>
public sealed class FaultChoiceJsonConverter : JsonConverterFactory
{
    private static readonly Dictionary<Type, FaultOptionDefinition> ByType = FaultKindRegistry.All
        .SelectMany(k => k.Options)
        .Where(o => o.ChoiceType is not null)
        .DistinctBy(o => o.ChoiceType)
        .ToDictionary(o => o.ChoiceType!);

    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert) => ByType.ContainsKey(typeToConvert);

    /// <inheritdoc />
    public override JsonConverter? CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter?)typeof(FaultChoiceJsonConverter).GetMethod(nameof(Create), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(typeToConvert)
            .Invoke(null, [ByType[typeToConvert]]);

    private static ChoiceConverter<T> Create<T>(FaultOptionDefinition option)
        where T : struct, Enum => new ChoiceConverter<T>(option);

    private sealed class ChoiceConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly FaultOptionDefinition _option;

        public ChoiceConverter(FaultOptionDefinition option) => _option = option;

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            return _option.MatchChoice(text) is { } choice
                ? FaultChoices.Parse(choice, default(T))
                : throw new JsonException(FaultOptionErrors.UnknownChoice(_option, FaultOptionSpelling.File, text).ToString());
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(FaultChoices.NameOf(value));
        }
    }
}
