using System.Text.Json;
using Faultline.Core.Journal;
using Faultline.Core.Results;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Results;

public sealed class RunResultTests
{
    private static readonly DateTimeOffset Wall = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static RunHeader Header(DateTimeOffset? wall, string engine = "live") => new()
    {
        RunId = "20261202-090000-hello-api-0001",
        ExperimentPath = "samples/seed/misconfigured/experiment.yaml",
        ExperimentText = string.Empty,
        TopologyPath = "samples/seed/misconfigured/topology.yaml",
        TopologyText = string.Empty,
        Seed = 42,
        TimeScale = 20,
        StartedAt = SomeRun.T0,
        WallStartedAt = wall,
        ToolVersion = "1.2.3",
        Engine = engine,
    };

    private static RunResult Create(DateTimeOffset? wall, string engine = "live")
    {
        var observations = SeedRuns.Misconfigured().Build();
        return RunResult.Create(Header(wall, engine), observations.Phases.RunStart, RunState.Completed, partial: false, VerdictEngine.Decide(observations));
    }

    [Fact]
    public void Create_LiveRun_VersionToolAndEngineAndWallTimesBesideOffsets()
    {
        var result = Create(Wall);

        Assert.Equal((1, "1.2.3", "live"), (result.SchemaVersion, result.ToolVersion, result.Engine));
        Assert.Equal(Wall, result.StartedAt);
        Assert.Equal(SomeRun.T0, result.LabStartedAt);
        var us = result.Verdict.Impact.Single(i => i.Population == "us-customers");

        // At time scale 20 the first error, 2 lab minutes in, is 6 wall seconds after the start, not 2 minutes.
        Assert.Equal((TimeSpan.FromMinutes(2), 120.0, Wall.AddSeconds(6)), (us.FirstErrorOffset!.Value, us.FirstErrorOffsetSeconds!.Value, us.FirstError!.Value));
        Assert.Equal((TimeSpan.FromMinutes(10), 600.0), (us.OutageDuration, us.OutageDurationSeconds));
        Assert.All(result.Verdict.Timeline, e => Assert.Equal(Wall + (e.Offset / 20), e.At));
        Assert.All(result.Verdict.Checks.Where(c => c.ToOffset is not null), c => Assert.Equal(c.ToOffset!.Value.TotalSeconds, c.ToOffsetSeconds));
        Assert.Null(result.Partial);
    }

    [Fact]
    public void Create_SimulatedRun_NoWallTimeButEveryOffset()
    {
        var result = Create(wall: null, engine: "simulated");

        Assert.Null(result.StartedAt);
        Assert.All(result.Verdict.Timeline, e => Assert.Null(e.At));
        var us = result.Verdict.Impact.Single(i => i.Population == "us-customers");
        Assert.Null(us.FirstError);
        Assert.Equal(120.0, us.FirstErrorOffsetSeconds);
    }

    [Fact]
    public void Serialize_SimulatedRun_OmitsAbsentTimesAndStartsWithTheVersion()
    {
        var json = JsonSerializer.Serialize(Create(wall: null, engine: "simulated"), JournalJson.Indented);
        using var document = JsonDocument.Parse(json);

        Assert.Equal("schemaVersion", document.RootElement.EnumerateObject().First().Name);
        Assert.False(document.RootElement.TryGetProperty("startedAt", out _));
        Assert.DoesNotContain("\"at\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"statusCodes\": {\n", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
