using System.Globalization;
using System.Text;
using System.Text.Json;
using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// A JSON value that keeps where it starts in its file, so an error about a field AWS wrote can name
/// <c>file:line:column</c>. Built on <see cref="Utf8JsonReader"/> (System.Text.Json's DOM keeps no positions).
/// </summary>
public sealed class LocatedJson
{
    private LocatedJson(JsonNodeKind kind, SourceLocation location)
    {
        Kind = kind;
        Location = location;
    }

    /// <summary>The value's kind.</summary>
    public JsonNodeKind Kind { get; }

    /// <summary>Where the value starts (1-based line and column).</summary>
    public SourceLocation Location { get; }

    /// <summary>A string's text, or a number's as written; <c>null</c> for other kinds.</summary>
    public string? Text { get; private init; }

    /// <summary>A boolean's value.</summary>
    public bool Boolean { get; private init; }

    /// <summary>An object's members in file order (duplicates kept; <see cref="Get"/> takes the last, as JSON readers do).</summary>
    public IReadOnlyList<KeyValuePair<string, LocatedJson>> Members { get; private init; } = [];

    /// <summary>An array's items.</summary>
    public IReadOnlyList<LocatedJson> Items { get; private init; } = [];

    /// <summary>The kind as messages name it: <c>an object</c>, <c>an array</c>, <c>a string</c>….</summary>
    public string KindName => Kind switch
    {
        JsonNodeKind.Map => "an object",
        JsonNodeKind.Array => "an array",
        JsonNodeKind.Text => "a string",
        JsonNodeKind.Number => "a number",
        JsonNodeKind.Boolean => "a boolean",
        _ => "null",
    };

    /// <summary>The member named <paramref name="name"/> (ordinal), or <c>null</c>.</summary>
    public LocatedJson? Get(string name) => Members.LastOrDefault(m => string.Equals(m.Key, name, StringComparison.Ordinal)).Value;

    /// <summary>A number's value as a double, or <c>null</c> when not a number.</summary>
    public double? Number => Kind == JsonNodeKind.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>
    /// Parses <paramref name="text"/> (from <paramref name="file"/>). Invalid JSON throws an
    /// <see cref="InvalidInputException"/> whose diagnostic names the line and column the parser stopped at.
    /// </summary>
    public static LocatedJson Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw new InvalidInputException([Diagnostic.Error(new SourceLocation(file, 1, 1), AnalyzeErrors.EmptyJson(), AnalyzeErrors.EmptyJsonFix())]);
            }

            var root = ReadValue(ref reader, file, lines);
            if (reader.Read())
            {
                throw new InvalidInputException([Diagnostic.Error(lines.At(file, reader.TokenStartIndex), AnalyzeErrors.TrailingJson(), AnalyzeErrors.JsonSyntaxFix())]);
            }

            return root;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = lines.Column(line, (int)(e.BytePositionInLine ?? 0));
            throw new InvalidInputException([Diagnostic.Error(new SourceLocation(file, line, column), AnalyzeErrors.JsonSyntax(e.Message), AnalyzeErrors.JsonSyntaxFix())]);
        }
    }

    private static LocatedJson ReadValue(ref Utf8JsonReader reader, string file, LineMap lines)
    {
        var location = lines.At(file, reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new List<KeyValuePair<string, LocatedJson>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members.Add(new(name, ReadValue(ref reader, file, lines)));
                }

                return new LocatedJson(JsonNodeKind.Map, location) { Members = members };
            case JsonTokenType.StartArray:
                var items = new List<LocatedJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, file, lines));
                }

                return new LocatedJson(JsonNodeKind.Array, location) { Items = items };
            case JsonTokenType.String:
                return new LocatedJson(JsonNodeKind.Text, location) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new LocatedJson(JsonNodeKind.Number, location) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True or JsonTokenType.False:
                return new LocatedJson(JsonNodeKind.Boolean, location) { Boolean = reader.GetBoolean() };
            default:
                return new LocatedJson(JsonNodeKind.Null, location);
        }
    }

    /// <summary>Turns byte offsets into 1-based lines and columns (columns count characters, not bytes).</summary>
    private sealed class LineMap
    {
        private readonly byte[] _bytes;
        private readonly List<int> _starts = [0];

        public LineMap(byte[] bytes)
        {
            _bytes = bytes;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public SourceLocation At(string file, long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            return new SourceLocation(file, line + 1, Column(line + 1, (int)offset - _starts[line]));
        }

        public int Column(int line, int bytesIntoLine)
        {
            var start = _starts[Math.Clamp(line - 1, 0, _starts.Count - 1)];
            var length = Math.Clamp(bytesIntoLine, 0, _bytes.Length - start);
            return Encoding.UTF8.GetCharCount(_bytes, start, length) + 1;
        }
    }
}
