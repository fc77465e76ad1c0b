using System.Text.Json;
using System.Text.Json.Serialization;
using Faultline.Core.Text;

namespace Faultline.Core.Faults.Serialization;

/// <summary>Reads durations as users write them (<c>60s</c>, <c>PT1M</c>) and writes them as <see cref="Durations.Format"/> does.</summary>
public sealed class DurationJsonConverter : JsonConverter<TimeSpan>
{
    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return Durations.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not {Durations.Expected}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Durations.Format(value));
    }
}
