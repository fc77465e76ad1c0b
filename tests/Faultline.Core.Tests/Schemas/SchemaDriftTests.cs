using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Yaml;
using Faultline.TestUtils;
using Faultline.TestUtils.Schemas;
using YamlDotNet.RepresentationModel;

namespace Faultline.Core.Tests.Schemas;

/// <summary>
/// The schemas in schemas/ and the readers accept the same keys. The readers tell, for every mapping they check for
/// unknown keys, which keys they accept there (the list their did-you-mean suggests from); each sample is walked
/// beside its schema, and the two are compared mapping by mapping: a key a reader accepts must be in the schema, a
/// key the schema allows must be accepted by the reader, and a mapping the schema closes must be checked by the reader.
/// </summary>
public sealed class SchemaDriftTests
{
    public static TheoryData<string> Kinds() => new("topology", "experiment");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Readers_AcceptExactlyTheKeysOfTheSchema(string kind)
    {
        var walk = Walk(kind);

        Assert.Empty(walk.Problems);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Samples_ReachEveryClosedObjectAndBranchOfTheSchema(string kind)
    {
        // Otherwise a part of the schema no sample reaches would never be compared: samples/all-fields must show it.
        var walk = Walk(kind);
        var document = walk.Walker.Root;

        var closed = Descendants(document).Where(o => o["additionalProperties"] is JsonValue v && v.GetValueKind() == JsonValueKind.False).Select(o => o.GetPath());
        var branches = Descendants(document).Select(o => o["propertyNames"]?["enum"]).OfType<JsonArray>().Select(KeySet);

        Assert.Empty(closed.Except(walk.Groups.Select(g => g.Schema)).Order(StringComparer.Ordinal));
        Assert.Empty(branches.Except(walk.Groups.Select(g => g.Keys)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Walk_KeyTheReaderDoesNotKnow_IsReported()
    {
        // The drift test can fail: a schema that allows a key no reader accepts.
        var schema = RepoSchemas.Document(RepoSchemas.TopologyFile);
        schema["$defs"]!["alias"]!["properties"]!.AsObject().Add("evaluateTargetHealthh", new JsonObject { ["type"] = "boolean", ["description"] = "a misspelling" });

        var walk = Walk("topology", schema);

        Assert.Contains(walk.Problems, p => p.Contains("schema allows 'evaluateTargetHealthh'", StringComparison.Ordinal));
    }

    [Fact]
    public void Walk_KeyTheSchemaDoesNotHave_IsReported()
    {
        var schema = RepoSchemas.Document(RepoSchemas.ExperimentFile);
        schema["$defs"]!["stopCondition"]!["properties"]!.AsObject().Remove("treatMissingData");

        var walk = Walk("experiment", schema);

        Assert.Contains(walk.Problems, p => p.Contains("the reader accepts 'treatMissingData'", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SampleFiles(string kind) =>
        Directory.EnumerateFiles(RepoPaths.Combine("samples"), kind == "topology" ? "topology.yaml" : "experiment*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);

    private static Walked Walk(string kind, JsonObject? schema = null)
    {
        var walker = new SchemaWalker(schema ?? RepoSchemas.Document(kind == "topology" ? RepoSchemas.TopologyFile : RepoSchemas.ExperimentFile));
        var walked = new Walked(walker);
        foreach (var file in SampleFiles(kind))
        {
            var display = Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/');
            var text = File.ReadAllText(file);
            var checkedKeys = new Dictionary<(int Line, int Column), IReadOnlyList<string>>();
            var context = new YamlReadContext(file) { KeysChecked = (mapping, keys) => checkedKeys[(mapping.Location.Line, mapping.Location.Column)] = [.. keys] };
            var diagnostics = kind == "topology"
                ? TopologyReader.Read(text, context).Diagnostics
                : ExperimentReader.Read(text, context, (full, _) => TopologyReader.Load(full)).Diagnostics;
            Assert.Empty(diagnostics.Select(d => d.ToString()));
            walked.Visit(display, YamlJson.Parse(text), [walker.Root], checkedKeys);
        }

        walked.CompareGroups();
        return walked;
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(pair => Descendants(pair.Value))),
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    private static string KeySet(IEnumerable<JsonNode?> keys) => string.Join(", ", keys.Select(k => k!.GetValue<string>()).Order(StringComparer.Ordinal));

    private sealed record Group(string Schema, string Keys);

    private sealed class Walked(SchemaWalker walker)
    {
        private readonly Dictionary<Group, (HashSet<string> Allowed, HashSet<string> Accepted, string Example)> _groups = [];

        public SchemaWalker Walker { get; } = walker;

        public List<string> Problems { get; } = [];

        public IEnumerable<Group> Groups => _groups.Keys;

        public void Visit(string file, YamlDotNet.RepresentationModel.YamlNode node, IReadOnlyList<JsonObject> schemas, Dictionary<(int Line, int Column), IReadOnlyList<string>> checkedKeys)
        {
            var json = YamlJson.ToJson(node);
            var applicable = schemas.SelectMany(s => Walker.Applicable(s, json)).ToList();
            var at = $"{file}:{node.Start.Line}:{node.Start.Column}";
            switch (node)
            {
                case YamlMappingNode mapping:
                    Compare(at, applicable, checkedKeys.GetValueOrDefault(((int)node.Start.Line, (int)node.Start.Column)));
                    foreach (var (key, value) in mapping.Children)
                    {
                        Visit(file, value, [.. SchemaWalker.Child(applicable, ((YamlScalarNode)key).Value!)], checkedKeys);
                    }

                    break;
                case YamlSequenceNode sequence:
                    foreach (var item in sequence.Children)
                    {
                        Visit(file, item, [.. SchemaWalker.Items(applicable)], checkedKeys);
                    }

                    break;
            }
        }

        public void CompareGroups()
        {
            foreach (var (group, (allowed, accepted, example)) in _groups)
            {
                foreach (var key in allowed.Except(accepted).Order(StringComparer.Ordinal))
                {
                    Problems.Add($"{example}: the schema allows '{key}' here ({group.Schema}), but the reader accepts it in none of the samples' mappings of this kind");
                }
            }
        }

        private void Compare(string at, List<JsonObject> applicable, IReadOnlyList<string>? accepted)
        {
            if (applicable.Count == 0)
            {
                Problems.Add($"{at}: no part of the schema describes this mapping");
                return;
            }

            var allowed = SchemaWalker.AllowedKeys(applicable);
            var closing = SchemaWalker.Closing(applicable);
            if (allowed is null)
            {
                // A mapping of names the user chooses (regions, functions, actions…): the reader takes any name.
                return;
            }

            if (closing is null && accepted is null)
            {
                return;
            }

            if (closing is null || accepted is null)
            {
                Problems.Add(closing is null
                    ? $"{at}: the reader rejects unknown keys here, but the schema does not (add additionalProperties: false)"
                    : $"{at}: the schema rejects unknown keys here ({closing.GetPath()}), but the reader does not check them");
                return;
            }

            foreach (var key in accepted.Except(allowed).Order(StringComparer.Ordinal))
            {
                Problems.Add($"{at}: the reader accepts '{key}' here, but the schema ({closing.GetPath()}) does not");
            }

            var group = new Group(closing.GetPath(), string.Join(", ", allowed.Order(StringComparer.Ordinal)));
            if (!_groups.TryGetValue(group, out var seen))
            {
                seen = ([.. allowed], new HashSet<string>(StringComparer.Ordinal), at);
                _groups.Add(group, seen);
            }

            seen.Accepted.UnionWith(accepted);
        }
    }
}
