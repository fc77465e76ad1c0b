using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Faultline.TestUtils.Schemas;

/// <summary>
/// YAML as the JSON an editor's yaml-language-server validates against a JSON Schema: YAML 1.2's core schema, so a plain
/// <c>20</c> is a number, <c>true</c> a boolean, <c>~</c> or nothing null, and anything quoted a string.
/// </summary>
public static partial class YamlJson
{
    /// <summary>The first document of <paramref name="yaml"/> as YamlDotNet nodes (with their start marks).</summary>
    public static YamlNode Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    /// <summary>The first document of <paramref name="yaml"/> as JSON.</summary>
    public static JsonNode? ToJson(string yaml) => ToJson(Parse(yaml));

    /// <summary>A node as JSON; every call builds new JSON nodes, so a YAML alias becomes a copy.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value ?? string.Empty, ToJson(pair.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new ArgumentException($"unexpected YAML node {node.NodeType}", nameof(node)),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(text);
        }

        if (NullPattern().IsMatch(text))
        {
            return null;
        }

        if (BooleanPattern().IsMatch(text))
        {
            return JsonValue.Create(text.StartsWith('t') || text.StartsWith('T'));
        }

        if (IntegerPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }

        return JsonValue.Create(text);
    }

    [GeneratedRegex("^(~|null|Null|NULL|)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BooleanPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
