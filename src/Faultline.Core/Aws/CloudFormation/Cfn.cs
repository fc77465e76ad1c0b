using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Faultline.Core.Aws.CloudFormation;

/// <summary>CloudFormation JSON building blocks: intrinsic functions, logical ids and the file format.</summary>
internal static class Cfn
{
    // Relaxed escaping keeps inline code and ARNs readable ('<', '>', '&', '+', quotes in code stay as written); the
    // files are JSON for CloudFormation, never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonSerializerOptions CompactOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Ref(string logicalId) => new() { ["Ref"] = logicalId };

    public static JsonObject GetAtt(string logicalId, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static JsonObject Sub(string template) => new() { ["Fn::Sub"] = template };

    public static JsonObject Template(string description) => new()
    {
        ["AWSTemplateFormatVersion"] = "2010-09-09",
        ["Description"] = description,
    };

    public static JsonObject Resource(string type, JsonObject properties) => new() { ["Type"] = type, ["Properties"] = properties };

    public static JsonObject Output(string description, JsonNode value) => new() { ["Description"] = description, ["Value"] = value };

    public static JsonArray Array(IEnumerable<JsonNode?> items) => new([.. items]);

    public static JsonArray Strings(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);

    public static string Write(JsonNode node) => node.ToJsonString(Options) + "\n";

    public static string WriteCompact(JsonNode node) => node.ToJsonString(CompactOptions);

    /// <summary>A logical id (letters and digits only) from any text: <c>api.us-east-1.example.test</c> → <c>ApiUsEast1ExampleTest</c>.</summary>
    public static string Pascal(string text)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return builder.Length == 0 ? "X" : builder.ToString();
    }
}
