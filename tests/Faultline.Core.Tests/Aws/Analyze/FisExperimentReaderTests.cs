using Faultline.Core.Aws.Analyze;
using Faultline.Core.Diagnostics;
using Faultline.Core.Runs;

namespace Faultline.Core.Tests.Aws.Analyze;

public sealed class FisExperimentReaderTests
{
    private const string Valid = """
        {
            "experiment": {
                "id": "EXP123",
                "state": { "status": "completed", "reason": "Experiment completed." },
                "actions": {
                    "inject-latency": {
                        "actionId": "aws:lambda:invocation-add-delay",
                        "state": { "status": "completed", "reason": "Action was completed." },
                        "startTime": "2026-12-01T10:02:03.123000+00:00",
                        "endTime": "2026-12-01T10:12:03+00:00"
                    }
                },
                "startTime": "2026-12-01T10:02:00+00:00",
                "endTime": 1796119923
            }
        }
        """;

    [Fact]
    public void Read_GetExperimentOutput_ReadsStateTimesAndActions()
    {
        var run = FisExperimentReader.Read(Valid, "run.json");

        Assert.Equal("EXP123", run.Id);
        Assert.Equal(RunState.Completed, run.RunState);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 2, 0, TimeSpan.Zero), run.StartTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1796119923), run.EndTime);
        var action = Assert.Single(run.Actions);
        Assert.Equal(("inject-latency", "aws:lambda:invocation-add-delay", ActionState.Completed), (action.Name, action.ActionId, action.State));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 2, 3, 123, TimeSpan.Zero), action.StartTime);
        Assert.Equal("run.json:6:31", action.Location.ToString());
    }

    [Fact]
    public void Read_TruncatedJson_NamesWhereTheParserStopped()
    {
        var e = Assert.Throws<InvalidInputException>(() => FisExperimentReader.Read("{\n  \"experiment\": {\n    \"id\": \"x\",\n", "run.json"));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal("run.json:4:1", d.Location!.ToString());
        Assert.StartsWith("not valid JSON:", d.Message, StringComparison.Ordinal);
        Assert.Equal(AnalyzeErrors.JsonSyntaxFix(), d.Fix);
    }

    [Fact]
    public void Read_EveryBadField_IsALocatedErrorEach()
    {
        var text = """
            {"experiment": {
              "state": {"status": "finished"},
              "startTime": "yesterday",
              "actions": {"a": {"actionId": 7, "state": {"status": "completed"}}}
            }}
            """;

        var e = Assert.Throws<InvalidInputException>(() => FisExperimentReader.Read(text, "run.json"));

        Assert.Equal(
            [
                $"run.json:2:23: {AnalyzeErrors.UnknownStatus("experiment.state.status", "finished", FisExperimentReader.ExperimentStatuses)}; {AnalyzeErrors.FisFix}",
                $"run.json:3:16: {AnalyzeErrors.BadTime("experiment.startTime", "yesterday")}; {AnalyzeErrors.FisFix}",
                $"run.json:4:33: {AnalyzeErrors.WrongKind("experiment.actions.a.actionId", "a string", "a number")}; {AnalyzeErrors.FisFix}",
            ],
            e.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Read_NoExperimentWrapper_SaysWhatIsMissing()
    {
        var e = Assert.Throws<InvalidInputException>(() => FisExperimentReader.Read("{\"id\": \"EXP1\"}", "run.json"));

        Assert.Equal($"run.json:1:1: {AnalyzeErrors.Missing("experiment")}; {AnalyzeErrors.FisFix}", Assert.Single(e.Diagnostics).ToString());
    }
}
