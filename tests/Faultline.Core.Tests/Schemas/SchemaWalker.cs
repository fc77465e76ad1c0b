using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.TestUtils.Schemas;
using Json.Schema;

namespace Faultline.Core.Tests.Schemas;

/// <summary>
/// Finds, for a value of a document, the subschemas of a JSON Schema that describe it: the schema itself, what its
/// <c>$ref</c> names, the <c>anyOf</c>/<c>oneOf</c> branches of the value's JSON type, every <c>allOf</c> entry, and
/// the <c>then</c> (or <c>else</c>) of each <c>if</c> the value meets (or does not). From them it tells which keys a
/// mapping may have: the union of their <c>properties</c>, narrowed by each <c>propertyNames</c> enum.
/// </summary>
internal sealed class SchemaWalker(JsonObject root)
{
    private readonly Dictionary<string, JsonSchema> _conditions = new(StringComparer.Ordinal);

    public JsonObject Root { get; } = root;

    /// <summary>The subschemas of <paramref name="schema"/> that apply to <paramref name="instance"/>.</summary>
    public IReadOnlyList<JsonObject> Applicable(JsonObject schema, JsonNode? instance)
    {
        var result = new List<JsonObject>();
        Collect(schema, instance, result);
        return result;
    }

    /// <summary>The subschemas for the value of <paramref name="key"/> of a mapping described by <paramref name="applicable"/>.</summary>
    public static IEnumerable<JsonObject> Child(IEnumerable<JsonObject> applicable, string key)
    {
        foreach (var schema in applicable)
        {
            if (schema["properties"] is JsonObject properties && properties[key] is JsonObject property)
            {
                yield return property;
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                yield return additional;
            }
        }
    }

    /// <summary>The subschemas for the items of a list described by <paramref name="applicable"/>.</summary>
    public static IEnumerable<JsonObject> Items(IEnumerable<JsonObject> applicable) =>
        applicable.Select(s => s["items"]).OfType<JsonObject>();

    /// <summary>The keys a mapping described by <paramref name="applicable"/> may have, or <c>null</c> when no subschema lists keys.</summary>
    public static IReadOnlySet<string>? AllowedKeys(IReadOnlyList<JsonObject> applicable)
    {
        var listed = applicable.Select(s => s["properties"]).OfType<JsonObject>().ToList();
        if (listed.Count == 0)
        {
            return null;
        }

        var allowed = listed.SelectMany(p => p.Select(pair => pair.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var names in applicable.Select(s => s["propertyNames"]?["enum"]).OfType<JsonArray>())
        {
            allowed.IntersectWith(names.Select(n => n!.GetValue<string>()));
        }

        return allowed;
    }

    /// <summary>The subschema that closes the mapping (<c>additionalProperties: false</c>), or <c>null</c> when it is open.</summary>
    public static JsonObject? Closing(IReadOnlyList<JsonObject> applicable) =>
        applicable.FirstOrDefault(s => s["additionalProperties"] is JsonValue value && value.GetValueKind() == JsonValueKind.False);

    private void Collect(JsonObject schema, JsonNode? instance, List<JsonObject> result)
    {
        result.Add(schema);
        if (schema["$ref"] is JsonValue reference)
        {
            Collect(Resolve(reference.GetValue<string>()), instance, result);
        }

        foreach (var keyword in new[] { "anyOf", "oneOf" })
        {
            foreach (var branch in (schema[keyword] as JsonArray ?? []).OfType<JsonObject>().Where(b => Fits(b, instance)))
            {
                Collect(branch, instance, result);
            }
        }

        foreach (var entry in (schema["allOf"] as JsonArray ?? []).OfType<JsonObject>())
        {
            Collect(entry, instance, result);
        }

        if (schema["if"] is JsonObject condition)
        {
            var branch = Meets(condition, instance) ? schema["then"] : schema["else"];
            if (branch is JsonObject chosen)
            {
                Collect(chosen, instance, result);
            }
        }
    }

    // A branch fits when the value's JSON type is one its type, enum or const allows (a branch naming none fits anything).
    private bool Fits(JsonObject branch, JsonNode? instance)
    {
        var resolved = branch["$ref"] is JsonValue reference ? Resolve(reference.GetValue<string>()) : branch;
        if (resolved["enum"] is JsonArray values)
        {
            return values.Any(v => JsonNode.DeepEquals(v, instance));
        }

        if (resolved.ContainsKey("const"))
        {
            return JsonNode.DeepEquals(resolved["const"], instance);
        }

        var types = resolved["type"] switch
        {
            JsonValue one => [one.GetValue<string>()],
            JsonArray many => many.Select(t => t!.GetValue<string>()).ToArray(),
            _ => null,
        };
        return types is null || types.Contains(TypeOf(instance)) || (TypeOf(instance) == "integer" && types.Contains("number"));
    }

    private bool Meets(JsonObject condition, JsonNode? instance)
    {
        var text = condition.ToJsonString();
        if (!_conditions.TryGetValue(text, out var schema))
        {
            schema = RepoSchemas.FromText(text);
            _conditions.Add(text, schema);
        }

        return RepoSchemas.IsValid(schema, instance);
    }

    private JsonObject Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local references are walked: {reference}");
        }

        JsonNode? node = Root;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node as JsonObject ?? throw new InvalidOperationException($"{reference} names no schema");
    }

    private static string TypeOf(JsonNode? instance) => instance switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => value.TryGetValue<long>(out _) ? "integer" : "number",
            _ => "null",
        },
        _ => throw new ArgumentException($"unexpected JSON node {instance.GetType().Name}", nameof(instance)),
    };
}
