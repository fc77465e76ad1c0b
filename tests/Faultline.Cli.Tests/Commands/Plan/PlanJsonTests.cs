using System.Text.Json;
using Faultline.Cli.Tests.Support;
using Faultline.Core.Experiments;
using Faultline.Core.Planning;
using Faultline.Core.Verdict;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Plan;

/// <summary><c>faultline plan --output json</c> and <c>-q</c>: the plan as one JSON document, or only its summary line.</summary>
public sealed class PlanJsonTests
{
    private static string Seed(string file = "experiment.yaml") => RepoPaths.Combine("samples", "seed", file);

    [Fact]
    public async Task Plan_OutputJson_PrintsTheScheduleAndWindowsInLabSecondsAsTheOnlyThingOnStandardOutput()
    {
        var (code, output, error) = await CliRun.RunSplitAsync(new FixedPredictor(), "plan", Seed(), "--output", "json");

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonOutput.Parse(output);
        Assert.Equal(
            ["experiment", "hypothesis", "timeScale", "runSeconds", "wallSeconds", "targets", "schedule", "checks", "stopConditions", "constructionProblems", "warnings", "prediction"],
            JsonOutput.Names(json));
        Assert.Equal((900, 45), (json.GetProperty("runSeconds").GetDouble(), json.GetProperty("wallSeconds").GetDouble()));

        var target = Assert.Single(json.GetProperty("targets").EnumerateArray());
        Assert.Equal("us-functions", target.GetProperty("name").GetString());
        Assert.Equal("function", target.GetProperty("type").GetString());
        Assert.Equal(["us-east-1/health", "us-east-1/hello"], target.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()));

        // The seed: 2 minutes of baseline, a 10-minute fault, 3 minutes of recovery.
        var schedule = json.GetProperty("schedule");
        Assert.Equal((0, 120), Span(schedule.GetProperty("baseline")));
        Assert.Equal((120, 720), Span(schedule.GetProperty("faultPhase")));
        Assert.Equal((720, 900), Span(schedule.GetProperty("recovery")));
        var action = Assert.Single(schedule.GetProperty("actions").EnumerateArray());
        Assert.Equal(("inject-latency", "fault latency", "us-functions"), (action.GetProperty("name").GetString(), action.GetProperty("kind").GetString(), action.GetProperty("target").GetString()));
        Assert.Equal((120, 720), Span(action));

        var checks = json.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(6, checks.Count);
        Assert.Equal(["number", "name", "kind", "window", "steadyState", "fromSeconds", "toSeconds", "deadlineSeconds", "expects"], JsonOutput.Names(checks[0]));
        Assert.True(checks[0].GetProperty("steadyState").GetBoolean());
        Assert.Equal((360, 720), Span(checks[2]));
        Assert.Equal(("health-transition", 300), (checks[4].GetProperty("kind").GetString(), checks[4].GetProperty("deadlineSeconds").GetDouble()));
        Assert.Equal("hc-us unhealthy within 3m", checks[4].GetProperty("expects").GetString());

        var stop = Assert.Single(json.GetProperty("stopConditions").EnumerateArray());
        Assert.Equal("global outage", stop.GetProperty("name").GetString());
        Assert.Empty(json.GetProperty("constructionProblems").EnumerateArray());

        var prediction = json.GetProperty("prediction");
        Assert.True(prediction.GetProperty("available").GetBoolean());
        Assert.Equal((20, 42), (prediction.GetProperty("seeds").GetInt32(), prediction.GetProperty("firstSeed").GetInt32()));
        Assert.Equal(18, prediction.GetProperty("verdicts").GetProperty("held").GetInt32());
        Assert.Equal(1, prediction.GetProperty("verdicts").GetProperty("not-run").GetInt32());
        var unhealthy = Assert.Single(prediction.GetProperty("timeToUnhealthy").EnumerateArray());
        Assert.Equal(("hc-us", 72.4), (unhealthy.GetProperty("subject").GetString(), unhealthy.GetProperty("medianSeconds").GetDouble()));

        Assert.Contains("Schedule (lab time from the run's start)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_OutputJson_MisconfiguredExperiment_ListsWhatCannotPassAndExitsOne()
    {
        var (code, output, _) = await CliRun.RunSplitAsync("plan", Seed("misconfigured/experiment.yaml"), "--output", "json");

        Assert.Equal(ExitCodes.Refuted, code);
        var json = JsonOutput.Parse(output);
        var problems = json.GetProperty("constructionProblems").EnumerateArray().ToList();
        Assert.Contains(problems, p => p.GetProperty("severity").GetString() == "error" && p.GetProperty("line").GetInt32() > 0 && p.GetProperty("code").GetString() is { Length: > 0 });
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "health-check-probes-other-region");
        Assert.False(json.GetProperty("prediction").GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.String, json.GetProperty("prediction").GetProperty("reason").ValueKind);
    }

    [Fact]
    public async Task Plan_Quiet_PrintsOneLineAndWhatCannotPassOnStandardError()
    {
        var (code, output, error) = await CliRun.RunSplitAsync(new FixedPredictor(), "plan", Seed("misconfigured/experiment.yaml"), "-q");

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Equal("plan: a run of 15m of lab time; 6 check(s), 2 cannot pass by construction; prediction over 20 seeds: held 18, refuted 1, not-run 1\n", output);
        Assert.Contains("experiment.yaml:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Schedule", error, StringComparison.Ordinal);
    }

    private static (double From, double To) Span(JsonElement element) =>
        (element.GetProperty("fromSeconds").GetDouble(), element.GetProperty("toSeconds").GetDouble());

    private sealed class FixedPredictor : IPlanPredictor
    {
        public PlanPrediction Predict(Experiment experiment, Core.Topology.Topology topology, int seeds, int firstSeed, CancellationToken cancellationToken) => new()
        {
            Seeds = seeds,
            FirstSeed = firstSeed,
            Verdicts = new Dictionary<VerdictKind, int> { [VerdictKind.Held] = 18, [VerdictKind.Refuted] = 1, [VerdictKind.NotRun] = 1 },
            TimeToUnhealthy = [new PlanTiming { Subject = "hc-us", Runs = 20, Median = TimeSpan.FromSeconds(72.4), P10 = TimeSpan.FromSeconds(63), P90 = TimeSpan.FromSeconds(88) }],
        };
    }
}
