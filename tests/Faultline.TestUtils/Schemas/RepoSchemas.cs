using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Faultline.TestUtils.Schemas;

/// <summary>The JSON Schemas in the repository's <c>schemas/</c> folder, and validation of YAML against them.</summary>
public static class RepoSchemas
{
    /// <summary>The topology schema's file name.</summary>
    public const string TopologyFile = "topology.schema.json";

    /// <summary>The experiment schema's file name.</summary>
    public const string ExperimentFile = "experiment.schema.json";

    private static readonly Lazy<JsonSchema> LazyTopology = new(() => Load(RepoPaths.Combine("schemas", TopologyFile)));
    private static readonly Lazy<JsonSchema> LazyExperiment = new(() => Load(RepoPaths.Combine("schemas", ExperimentFile)));

    /// <summary>schemas/topology.schema.json.</summary>
    public static JsonSchema Topology => LazyTopology.Value;

    /// <summary>schemas/experiment.schema.json.</summary>
    public static JsonSchema Experiment => LazyExperiment.Value;

    /// <summary>The schema for a file kind by its file name: <c>topology.yaml</c> is a topology, <c>experiment*.yaml</c> an experiment.</summary>
    public static JsonSchema For(string yamlPath) =>
        Path.GetFileName(yamlPath).StartsWith("topology", StringComparison.Ordinal) ? Topology : Experiment;

    /// <summary>A schema file as JSON.</summary>
    public static JsonObject Document(string fileName) =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("schemas", fileName)))!.AsObject();

    /// <summary>Builds the schema at <paramref name="path"/> in a registry of its own (so two copies with one <c>$id</c> may coexist).</summary>
    public static JsonSchema Load(string path) => FromText(File.ReadAllText(path));

    /// <summary>Builds a schema from its text in a registry of its own.</summary>
    public static JsonSchema FromText(string text) =>
        JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Whether <paramref name="instance"/> validates against <paramref name="schema"/>.</summary>
    public static bool IsValid(JsonSchema schema, JsonNode? instance)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return schema.Evaluate(ToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
    }

    /// <summary>Validates YAML text against a schema: no errors when it is valid, else each as <c>/json/pointer keyword: message</c>.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, string yaml)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var results = schema.Evaluate(ToElement(YamlJson.ToJson(yaml)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        return [.. (results.Details ?? []).Prepend(results)
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))
            .Distinct(StringComparer.Ordinal)];
    }

    private static JsonElement ToElement(JsonNode? node) => JsonSerializer.SerializeToElement(node);
}
