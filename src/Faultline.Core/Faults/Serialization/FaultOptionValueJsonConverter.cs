using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Faultline.Core.Faults.Serialization;

/// <summary>
/// Reads one fault option's value (a duration, a whole number, a number, true or false) from JSON by the rule every front
/// end shares (<see cref="FaultOptionValues"/>): a JSON string or a bare value alike, and a value that does not parse
/// fails with <see cref="FaultOptionErrors.Malformed"/>'s message. Writes as the options' serializer does.
/// </summary>
/// <typeparam name="T">The property's type.</typeparam>
public sealed class FaultOptionValueJsonConverter<T> : JsonConverter<T>
{
    private readonly FaultOptionDefinition _option;
    private readonly Func<string, (T Value, FaultOptionProblem? Problem)> _parse;

    /// <summary>Creates the converter of <paramref name="option"/>, parsing with <paramref name="parse"/>.</summary>
    public FaultOptionValueJsonConverter(FaultOptionDefinition option, Func<string, (T Value, FaultOptionProblem? Problem)> parse)
    {
        _option = option;
        _parse = parse;
    }

    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString() ?? string.Empty,
            JsonTokenType.StartObject or JsonTokenType.StartArray => ReadRaw(ref reader),
            _ => Encoding.UTF8.GetString(reader.ValueSpan),
        };
        var (value, problem) = _parse(text);
        return problem is null ? value : throw new JsonException(problem.ToString());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);

    private static string ReadRaw(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetRawText();
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(FaultOptionValueJsonConverter<T>)}({_option.Name})";
}
