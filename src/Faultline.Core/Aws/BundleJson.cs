using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faultline.Core.Aws;

/// <summary>How the bundle writes JSON: indented, two spaces, characters like <c>+</c> and <c>&lt;</c> kept readable, a final newline.</summary>
public static class BundleJson
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The node as a bundle file's text, ending with a newline.</summary>
    public static string Write(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>A string as a JSON string literal, which is also a YAML double-quoted scalar.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Compact);

    /// <summary>The node on one line, without spaces (FIS parameter values must not hold whitespace).</summary>
    public static string WriteCompact(JsonNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.ToJsonString(Compact);
    }
}
