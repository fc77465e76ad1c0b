using System.Text.Json.Nodes;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;
using Faultline.TestUtils.Schemas;

namespace Faultline.Core.Tests.Schemas;

/// <summary>Every sample names its JSON Schema on its first line and validates against it, as an editor would check it.</summary>
public sealed class SampleSchemaTests
{
    private const string Header = "# yaml-language-server: $schema=";

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Combine("samples"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void SampleFiles_Found_AreTopologiesAndExperiments()
    {
        var files = SampleFiles().Select(row => row.Data).ToList();

        Assert.Contains("samples/all-fields/topology.yaml", files);
        Assert.Contains("samples/seed/misconfigured/experiment-fis.yaml", files);
        Assert.All(files, f => Assert.Matches(@"/(topology|experiment[\w-]*)\.yaml$", f));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_FirstLine_NamesItsSchemaByRelativePath(string relativePath)
    {
        var firstLine = File.ReadLines(RepoPaths.Combine(relativePath)).First();

        Assert.StartsWith(Header, firstLine, StringComparison.Ordinal);
        var reference = firstLine[Header.Length..];
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(RepoPaths.Combine(relativePath))!, reference));
        var expected = RepoPaths.Combine("schemas", IsTopology(relativePath) ? RepoSchemas.TopologyFile : RepoSchemas.ExperimentFile);
        Assert.Equal(Path.GetFullPath(expected), resolved);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_ValidatesAgainstItsSchema(string relativePath)
    {
        var text = File.ReadAllText(RepoPaths.Combine(relativePath));

        Assert.Empty(RepoSchemas.Errors(RepoSchemas.For(relativePath), text));
    }

    [Theory]
    [InlineData("samples/all-fields/topology.yaml", "    failureThreshold: 3", "    failureTreshold: 3", "/healthChecks/hc-us/failureTreshold")]
    [InlineData("samples/all-fields/topology.yaml", "        keepWarm: 5m", "        keepwarm: 5m", "/regions/us-east-1/functions/hello/keepwarm")]
    [InlineData("samples/all-fields/experiment.yaml", "  baseline: 2m", "  baseLine: 2m", "/load/baseLine")]
    [InlineData("samples/all-fields/experiment.yaml", "treatMissingData: ignore", "treatMisingData: ignore", "/stopConditions/1/treatMisingData")]
    [InlineData("samples/seed/experiment-fis.yaml", "      detachLayer: chaos-lambda-extension", "      detachLayers: chaos-lambda-extension", "/actions/detach/configure/detachLayers")]
    public void Sample_MisspeltKey_FailsSchemaValidationWhereItIsWritten(string relativePath, string line, string misspelt, string location)
    {
        var text = File.ReadAllText(RepoPaths.Combine(relativePath));
        Assert.Contains(line, text, StringComparison.Ordinal);

        var changed = text.Replace(line, misspelt, StringComparison.Ordinal);

        var errors = RepoSchemas.Errors(RepoSchemas.For(relativePath), changed);

        Assert.Contains(errors, e => e.StartsWith(location + " ", StringComparison.Ordinal));
        var path = RepoPaths.Combine(relativePath);
        Assert.True(IsTopology(relativePath) ? TopologyReader.Read(changed, path).HasErrors : ExperimentReader.Read(changed, path).HasErrors);
    }

    [Theory]
    [InlineData("samples/seed/experiment.yaml", "delay: 60s", "delay: 60 seconds")]
    [InlineData("samples/seed/experiment.yaml", "fault: latency", "fault: latencies")]
    [InlineData("samples/seed/experiment.yaml", "during: baseline", "during: warmup")]
    [InlineData("samples/seed/experiment.yaml", "delay: 60s, percentage: 100", "delay: 60s, concurrency: 5, percentage: 100")]
    [InlineData("samples/seed/experiment.yaml", "{ name: steady state, clients: all, during: baseline, successRate: \">= 99%\" }", "{ name: steady state, clients: all, during: baseline }")]
    [InlineData("samples/seed/experiment.yaml", "during: baseline, successRate: \">= 99%\" }", "during: baseline, successRate: \">= 99%\", errorRate: \"< 1%\" }")]
    [InlineData("samples/seed/experiment.yaml", "during: baseline, successRate: \">= 99%\" }", "during: baseline, successRate: \"99%\" }")]
    [InlineData("samples/seed/experiment.yaml", "below: 40%, for: 1m }", "below: 40%, above: 90%, for: 1m }")]
    [InlineData("samples/seed/topology.yaml", "interval: 30s, failureThreshold: 3 }", "interval: 30s, failureThreshold: 30 }")]
    [InlineData("samples/seed/topology.yaml", "connectionReuse: perRequest", "connectionReuse: per-request")]
    public void Sample_BadValue_FailsSchemaValidationAndReading(string relativePath, string written, string bad)
    {
        var path = RepoPaths.Combine(relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(written, text, StringComparison.Ordinal);
        var changed = text.Replace(written, bad, StringComparison.Ordinal);

        Assert.NotEmpty(RepoSchemas.Errors(RepoSchemas.For(relativePath), changed));

        // The reader refuses it too: the schema flags nothing a run would take.
        Assert.True(IsTopology(relativePath) ? TopologyReader.Read(changed, path).HasErrors : ExperimentReader.Read(changed, path).HasErrors);
    }

    [Theory]
    [InlineData("samples/seed/experiment.yaml", "duration: 10m", "duration: PT10M")]
    [InlineData("samples/seed/experiment.yaml", "duration: 10m", "duration: 9m60s")]
    [InlineData("samples/seed/experiment.yaml", "delay: 60s", "delay: 1.5s")]
    [InlineData("samples/seed/experiment.yaml", "delay: 60s", "delay: 60000ms")]
    [InlineData("samples/seed/experiment.yaml", "below: 40%, for: 1m }", "below: 40 %, for: PT1M, treatMissingData: notBreaching }")]
    [InlineData("samples/seed/experiment.yaml", "clients: all, during: baseline", "clients: [us-customers], during: { from: baseline.start + 30s, to: baseline.end }")]
    [InlineData("samples/seed/topology.yaml", "rate: 20/s, connectionReuse: perRequest }\n  eu", "rate: 72000/h, connectionReuse: perRequest }\n  eu")]
    [InlineData("samples/seed/topology.yaml", "rate: 20/s, connectionReuse: perRequest }\n  eu", "rate: 20, connectionReuse: perRequest, maxConnections: 64 }\n  eu")]
    [InlineData("samples/seed/topology.yaml", "ttl: 60s", "ttl: PT1M")]
    [InlineData("samples/seed/topology.yaml", "route: GET /api/hello, handler: hello", "route: ANY /api/hello, upstream: { url: \"http://127.0.0.1:5000\", protocol: lambda }")]
    public void Sample_OtherFormTheReaderTakes_ValidatesToo(string relativePath, string written, string other)
    {
        // The schema is no stricter than the reader: other spellings of a value the reader takes validate too.
        var path = RepoPaths.Combine(relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(written, text, StringComparison.Ordinal);
        var changed = text.Replace(written, other, StringComparison.Ordinal);

        Assert.Empty(IsTopology(relativePath) ? TopologyReader.Read(changed, path).Diagnostics.Select(d => d.ToString()) : ExperimentReader.Read(changed, path).Diagnostics.Select(d => d.ToString()));
        Assert.Empty(RepoSchemas.Errors(RepoSchemas.For(relativePath), changed));
    }

    [Fact]
    public void Read_SampleWithHeader_ErrorNamesTheLineItIsOn()
    {
        // The header is a comment: it must not shift the reader's lines (it is line 1, the error stays where it is written).
        var text = File.ReadAllText(RepoPaths.Combine("samples/seed/topology.yaml")).Replace("hc-us: { type: HTTPS, fqdn:", "hc-us: { type: HTTPS, fqnd:", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var line = Array.FindIndex(lines, l => l.Contains("fqnd:", StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf("fqnd:", StringComparison.Ordinal) + 1;

        var error = Assert.Single(TopologyReader.Read(text, "topology.yaml").Diagnostics, d => d.Message.Contains("'fqnd'", StringComparison.Ordinal));

        Assert.StartsWith(Header, lines[0], StringComparison.Ordinal);
        Assert.Equal($"topology.yaml:{line}:{column}", error.Location?.ToString());
        Assert.Equal(30, line);
    }

    [Theory]
    [InlineData(RepoSchemas.TopologyFile)]
    [InlineData(RepoSchemas.ExperimentFile)]
    public void Schema_IdAndDialect_AreTheFaultlineSchemaAndDraft202012(string file)
    {
        var document = RepoSchemas.Document(file);

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document["$schema"]?.GetValue<string>());
        Assert.Equal($"https://faultline.invalid/schemas/{file}", document["$id"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(RepoSchemas.TopologyFile)]
    [InlineData(RepoSchemas.ExperimentFile)]
    public void Schema_EveryProperty_HasADescription(string file)
    {
        var missing = PropertiesOf(RepoSchemas.Document(file))
            .Where(p => p.Value is not JsonObject property || property["description"] is not JsonValue description || description.GetValue<string>().Length == 0)
            .Select(p => p.Path);

        Assert.Empty(missing);
    }

    private static bool IsTopology(string path) => Path.GetFileName(path).StartsWith("topology", StringComparison.Ordinal);

    // Each property schema of the document, with its path.
    private static IEnumerable<(string Path, JsonNode? Value)> PropertiesOf(JsonNode? node) => node switch
    {
        JsonObject o => (o["properties"] is JsonObject properties
                ? properties.Where(p => p.Value is JsonObject { Count: > 0 } value && !IsBranchRestriction(value)).Select(p => (properties.GetPath() + "." + p.Key, p.Value))
                : [])
            .Concat(o.SelectMany(pair => PropertiesOf(pair.Value))),
        JsonArray a => a.SelectMany(PropertiesOf),
        _ => [],
    };

    // then: { properties: { mode: { enum: [...] } } } narrows a property described elsewhere; if: { properties: { fault: { const: latency } } } tests one.
    private static bool IsBranchRestriction(JsonObject value) =>
        value.Count == 1 && (value.ContainsKey("enum") || value.ContainsKey("const"));
}
