using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.Cli.Tests.Commands.Simulate;
using Faultline.Cli.Tests.Support;
using Faultline.Core.Checks;
using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.Reports;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;
using Json.Schema;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Cli.Tests.Schemas;

/// <summary><c>schemas/result.schema.json</c> against the <c>result.json</c> documents the runner and <c>faultline report</c> write.</summary>
[Collection(SimulationCollection.Name)]
public sealed class ResultSchemaTests : IDisposable
{
    private static readonly string SchemaPath = RepoPaths.Combine("schemas", "result.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(SchemaPath));

    private readonly string _out = Directory.CreateTempSubdirectory("faultline-result-schema-").FullName;
    private int _journals;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SimulatedSeedRun_ResultValidatesAndReportWritesTheSameBytes()
    {
        var run = await SimulateAsync("seed");
        var written = await File.ReadAllBytesAsync(Path.Combine(run, "result.json"), Cancel);

        var (code, output) = await CliRun.RunAsync("report", run);
        var regenerated = await File.ReadAllBytesAsync(Path.Combine(run, "result.json"), Cancel);

        Assert.True(code == ExitCodes.Ok, output);
        AssertValid(JsonDocument.Parse(written).RootElement);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(written), System.Text.Encoding.UTF8.GetString(regenerated));
    }

    [Fact]
    public async Task SimulatedMisconfiguredRun_ResultValidatesWithCodesLatencyAndNoWallTime()
    {
        var run = await SimulateAsync("seed/misconfigured");

        var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "result.json"), Cancel)).RootElement;

        AssertValid(result);
        Assert.Equal((1, "simulated", "refuted"), (result.GetProperty("schemaVersion").GetInt32(), result.GetProperty("engine").GetString(), result.GetProperty("verdict").GetProperty("kind").GetString()));
        Assert.False(string.IsNullOrEmpty(result.GetProperty("toolVersion").GetString()));

        // Virtual time has no wall time: no absolute time is written, every offset is.
        Assert.False(result.TryGetProperty("startedAt", out _));
        Assert.Equal("2000-01-01T00:00:00+00:00", result.GetProperty("labStartedAt").GetString());
        Assert.All(result.GetProperty("verdict").GetProperty("timeline").EnumerateArray(), e => Assert.False(e.TryGetProperty("at", out _)));
        var us = result.GetProperty("verdict").GetProperty("impact").EnumerateArray().Single(i => i.GetProperty("population").GetString() == "us-customers");
        var codes = us.GetProperty("statusCodes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(us.GetProperty("status5xx").GetInt64(), codes.Where(c => c.Key.StartsWith('5')).Sum(c => c.Value));
        Assert.Contains("502", codes.Keys);
        Assert.True(us.GetProperty("latency").GetProperty("p99Ms").GetDouble() >= 10_000, "the 10 s function timeout shows in p99");
        Assert.Equal(TimeSpan.Parse(us.GetProperty("outageDuration").GetString()!, System.Globalization.CultureInfo.InvariantCulture).TotalSeconds, us.GetProperty("outageDurationSeconds").GetDouble());
    }

    [Fact]
    public void ReportOfALiveJournal_ResultValidatesWithWallTimesBesideTheOffsets()
    {
        // A live run at time scale 20 whose lab clock read T0 when the wall clock read 09:00:00: ten lab minutes later
        // is 30 s of wall time later, not ten minutes in the future.
        var wallStart = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var directory = Journal(SeedRuns.Misconfigured(), wallStart);

        ReportWriter.WriteAll(directory);
        var result = JsonDocument.Parse(File.ReadAllText(directory.ResultPath)).RootElement;

        AssertValid(result);
        Assert.Equal(wallStart, result.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(SomeRun.T0, result.GetProperty("labStartedAt").GetDateTimeOffset());
        var timeline = result.GetProperty("verdict").GetProperty("timeline").EnumerateArray().ToList();
        Assert.NotEmpty(timeline);
        Assert.All(timeline, e => Assert.Equal(wallStart + TimeSpan.FromSeconds(e.GetProperty("offsetSeconds").GetDouble() / 20), e.GetProperty("at").GetDateTimeOffset()));
        var check = result.GetProperty("verdict").GetProperty("checks").EnumerateArray().First(c => c.TryGetProperty("to", out _));
        Assert.Equal(wallStart + TimeSpan.FromSeconds(check.GetProperty("toOffsetSeconds").GetDouble() / 20), check.GetProperty("to").GetDateTimeOffset());
        var us = result.GetProperty("verdict").GetProperty("impact").EnumerateArray().Single(i => i.GetProperty("population").GetString() == "us-customers");
        Assert.Equal(wallStart + TimeSpan.FromSeconds(us.GetProperty("firstErrorOffsetSeconds").GetDouble() / 20), us.GetProperty("firstError").GetDateTimeOffset());
        Assert.Equal(new Dictionary<string, long> { ["200"] = 20 * 300, ["502"] = 20 * 600 }, us.GetProperty("statusCodes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64()));
    }

    [Fact]
    public async Task SimulatedBatch_SummaryJson_CarriesVersionToolAndEngine()
    {
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _out, "--runs", "2");

        Assert.True(code == ExitCodes.Ok, output);
        var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.GetFiles(_out, "summary.json", SearchOption.AllDirectories).Single(), Cancel)).RootElement;
        Assert.Equal(
            ["schemaVersion", "toolVersion", "engine", "experiment", "topology", "seeds", "points"],
            summary.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, "simulated", 2), (summary.GetProperty("schemaVersion").GetInt32(), summary.GetProperty("engine").GetString(), summary.GetProperty("seeds").GetArrayLength()));
    }

    [Fact]
    public async Task Schema_DocumentWithoutSchemaVersion_IsRejected()
    {
        var document = await SeedDocumentAsync();
        document.Remove("schemaVersion");

        Assert.False(Evaluate(document).IsValid);
    }

    [Theory]
    [InlineData("")]
    [InlineData("verdict")]
    [InlineData("verdict/checks/0")]
    [InlineData("verdict/impact/0")]
    [InlineData("verdict/impact/0/latency")]
    [InlineData("verdict/timeline/0")]
    public async Task Schema_PropertyItDoesNotDeclare_IsRejected(string where)
    {
        // Every object is closed (additionalProperties: false), so a field added to the C# types without the schema
        // makes the documents above fail to validate.
        var document = await SeedDocumentAsync();
        JsonNode target = document;
        foreach (var step in where.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = int.TryParse(step, out var index) ? target[index]! : target[step]!;
        }

        target.AsObject().Add("undeclared", 1);

        Assert.False(Evaluate(document).IsValid, $"an undeclared property at '{where}' passed");
    }

    [Fact]
    public void Schema_Enums_ListEveryValueTheCodeWrites()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var defs = schema["$defs"]!;

        Assert.Equal(Names<RunState>(), Enum(defs["runState"]!));
        Assert.Equal(Names<VerdictKind>(), Enum(defs["verdict"]!["properties"]!["kind"]!));
        Assert.Equal(Names<CheckKind>(), Enum(defs["check"]!["properties"]!["kind"]!));
        Assert.Equal(Names<TimelineEntryKind>(), Enum(defs["timelineEntry"]!["properties"]!["kind"]!));
        Assert.Equal(Names<RunProblemKind>(), Enum(defs["problem"]!["properties"]!["kind"]!));
    }

    [Fact]
    public void Schema_EveryPropertyHasADescription()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SchemaPath))!;
        var missing = new List<string>();
        void Walk(JsonNode? node, string path)
        {
            if (node is not JsonObject o)
            {
                return;
            }

            if (o["properties"] is JsonObject properties)
            {
                foreach (var (name, property) in properties)
                {
                    var described = property?["description"] is not null
                        || (property?["$ref"]?.GetValue<string>() is { } reference && schema["$defs"]![reference.Split('/')[^1]]!["description"] is not null);
                    if (!described)
                    {
                        missing.Add($"{path}/{name}");
                    }
                }
            }

            foreach (var (name, child) in o)
            {
                Walk(child, $"{path}/{name}");
            }
        }

        Walk(schema, string.Empty);

        Assert.Empty(missing);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema["$schema"]!.GetValue<string>());
        Assert.NotNull(schema["$id"]);
    }

    private static List<string> Names<T>()
        where T : struct, Enum => [.. System.Enum.GetNames<T>().Select(JsonNamingPolicy.KebabCaseLower.ConvertName)];

    private static List<string> Enum(JsonNode node) => [.. node["enum"]!.AsArray().Select(v => v!.GetValue<string>())];

    private static EvaluationResults Evaluate(JsonNode document) =>
        Schema.Value.Evaluate(JsonDocument.Parse(document.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

    private static void AssertValid(JsonElement document)
    {
        var results = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        var errors = (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}"));
        Assert.True(results.IsValid, "result.json does not match schemas/result.schema.json:\n" + string.Join("\n", errors));
    }

    private async Task<string> SimulateAsync(string sample)
    {
        var folder = Path.Combine(_out, sample.Replace('/', '-'));
        var (code, output) = await CliRun.RunAsync("simulate", RepoPaths.Combine(["samples", .. sample.Split('/'), "experiment.yaml"]), "--out", folder);
        Assert.True(code is ExitCodes.Ok or ExitCodes.Refuted, output);
        return Assert.Single(Directory.GetDirectories(folder));
    }

    private async Task<JsonObject> SeedDocumentAsync()
    {
        // A live run's document, with wall times.
        var directory = Journal(SeedRuns.Correct(), new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        ReportWriter.WriteAll(directory);
        var document = JsonNode.Parse(await File.ReadAllTextAsync(directory.ResultPath, Cancel))!.AsObject();
        Assert.True(Evaluate(document).IsValid, "the unchanged document validates");
        return document;
    }

    private RunDirectory Journal(SomeRun run, DateTimeOffset wallStart)
    {
        var observations = run.Build();
        var directory = RunDirectory.Open(Directory.CreateDirectory(Path.Combine(_out, $"live-{++_journals}")).FullName);
        var experimentPath = RepoPaths.Combine("samples", "seed", "misconfigured", "experiment.yaml");
        var topologyPath = RepoPaths.Combine("samples", "seed", "misconfigured", "topology.yaml");
        var header = new RunHeader
        {
            RunId = "20261202-090000-hello-api-0001",
            ExperimentPath = experimentPath,
            ExperimentText = File.ReadAllText(experimentPath),
            TopologyPath = topologyPath,
            TopologyText = File.ReadAllText(topologyPath),
            Seed = 42,
            TimeScale = 20,
            StartedAt = SomeRun.T0,
            WallStartedAt = wallStart,
            ToolVersion = "0.1.0",
        };
        using var journal = RunJournal.Create(directory.JournalPath, header, new FakeTimeProvider(SomeRun.T0));
        foreach (var e in observations.Events)
        {
            journal.AppendEvent(e);
        }

        journal.AppendSeconds(observations.Traffic);
        journal.WritePhases(observations.Phases);
        journal.WriteVerdict(VerdictEngine.Decide(observations));
        journal.Complete(observations.FinalState);
        return directory;
    }
}
