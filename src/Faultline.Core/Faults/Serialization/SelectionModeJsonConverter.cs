using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faultline.Core.Faults.Serialization;

/// <summary>Reads and writes a <see cref="SelectionMode"/> as FIS writes it: <c>ALL</c>, <c>COUNT(n)</c>, <c>PERCENT(n)</c>.</summary>
public sealed class SelectionModeJsonConverter : JsonConverter<SelectionMode>
{
    /// <inheritdoc />
    public override SelectionMode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return SelectionMode.TryParse(text, out var mode)
            ? mode
            : throw new JsonException($"'{text}' is not a selection mode; expected ALL, COUNT(n) or PERCENT(n)");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SelectionMode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
