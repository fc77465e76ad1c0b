using System.Text;
using System.Text.Json;
using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.Fis;

/// <summary>
/// Where each value of a JSON document starts (<c>file:line:column</c>), by JSON pointer
/// (<c>/experimentTemplate/actions/attach/actionId</c>): System.Text.Json's document keeps no positions.
/// </summary>
public sealed class JsonSourceMap
{
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly string _file;

    private JsonSourceMap(string file) => _file = file;

    /// <summary>Maps <paramref name="json"/>; call only on text that parses.</summary>
    public static JsonSourceMap Build(string json, string file)
    {
        ArgumentNullException.ThrowIfNull(json);
        var map = new JsonSourceMap(file);
        var bytes = Encoding.UTF8.GetBytes(json);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string>();
        var arrayIndex = new Stack<int>();
        var containers = new Stack<bool>();
        string? pendingProperty = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    pendingProperty = reader.GetString();
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    if (containers.Pop())
                    {
                        arrayIndex.Pop();
                    }

                    if (path.Count > 0)
                    {
                        path.RemoveAt(path.Count - 1);
                    }

                    continue;
            }

            // A value: name it by its property or its index in the enclosing array.
            string? segment = null;
            if (containers.Count > 0)
            {
                if (containers.Peek())
                {
                    var index = arrayIndex.Pop();
                    arrayIndex.Push(index + 1);
                    segment = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    segment = pendingProperty;
                }
            }

            var pointer = segment is null ? string.Empty : Pointer(path) + "/" + segment;
            map._locations.TryAdd(pointer, map.Locate(lineStarts, (int)reader.TokenStartIndex));
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                if (segment is not null)
                {
                    path.Add(segment);
                }

                var isArray = reader.TokenType == JsonTokenType.StartArray;
                containers.Push(isArray);
                if (isArray)
                {
                    arrayIndex.Push(0);
                }
            }
        }

        return map;
    }

    /// <summary>Where the value at the JSON pointer <paramref name="path"/> starts, or the nearest enclosing value's start, or 1:1.</summary>
    public SourceLocation At(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = path;
        while (true)
        {
            if (_locations.TryGetValue(current, out var location))
            {
                return location;
            }

            var slash = current.LastIndexOf('/');
            if (slash < 0)
            {
                return new SourceLocation(_file, 1, 1);
            }

            current = current[..slash];
        }
    }

    private static string Pointer(List<string> path) => path.Count == 0 ? string.Empty : "/" + string.Join("/", path);

    private SourceLocation Locate(List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceLocation(_file, line + 1, offset - lineStarts[line] + 1);
    }
}
