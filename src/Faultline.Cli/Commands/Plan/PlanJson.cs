using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.Cli.Commands.Lint;
using Faultline.Core.Experiments;
using Faultline.Core.Planning;

namespace Faultline.Cli.Commands.Plan;

/// <summary>
/// The document <c>faultline plan --output json</c> prints (docs/observing.md, "Machine-readable output"): the targets,
/// the schedule and the checks' windows as lab-time offsets in seconds from the run's start, the stop conditions,
/// the checks that cannot pass by construction, and the prediction.
/// </summary>
internal static class PlanJson
{
    /// <summary>The plan's document.</summary>
    /// <param name="path">The experiment file as given.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="timeScale">The time scale a run would use.</param>
    /// <param name="warnings">The readers' and the topology linter's warnings.</param>
    /// <param name="findings">The checks that cannot pass (errors) or may not (warnings) by construction.</param>
    /// <param name="prediction">The prediction, or <c>null</c> when there is none.</param>
    /// <param name="unavailable">Why there is no prediction, when there is none.</param>
    public static JsonObject Document(
        string path,
        ExperimentPlan plan,
        double timeScale,
        IReadOnlyList<LintItem> warnings,
        IReadOnlyList<ConstructionFinding> findings,
        PlanPrediction? prediction,
        string? unavailable)
    {
        var experiment = plan.Experiment;
        return new JsonObject
        {
            ["experiment"] = path,
            ["hypothesis"] = experiment.Hypothesis.Title,
            ["timeScale"] = timeScale,
            ["runSeconds"] = plan.RunEnd.TotalSeconds,
            ["wallSeconds"] = Math.Ceiling(plan.RunEnd.TotalSeconds / timeScale),
            ["targets"] = Items(plan.Targets.Select(Target)),
            ["schedule"] = Schedule(plan),
            ["checks"] = Items(plan.Checks.Select(Check)),
            ["stopConditions"] = Items(plan.StopConditions.Select(StopCondition)),
            ["constructionProblems"] = Items(findings.OrderBy(f => f.Severity).Select(f => LintJson.Finding(f.Location, f.Severity, f.Code, f.Message, f.Fix))),
            ["warnings"] = Items(warnings.Select(w => LintJson.Finding(w.Diagnostic.Location, w.Diagnostic.Severity, w.Code, w.Message, w.Diagnostic.Fix))),
            ["prediction"] = Prediction(prediction, unavailable),
        };
    }

    /// <summary>A target type as written in the experiment's targets (<c>type: healthCheck</c>).</summary>
    public static string TypeName(TargetType type) => type switch
    {
        TargetType.Function => "function",
        TargetType.Region => "region",
        TargetType.Record => "record",
        _ => "healthCheck",
    };

    /// <summary>A verdict as result.json names it: <c>held</c>, <c>refuted</c>, <c>inconclusive</c>, <c>not-run</c>.</summary>
    public static string VerdictName(Core.Verdict.VerdictKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static JsonObject Target(PlannedTarget target) => new()
    {
        ["name"] = target.Name,
        ["type"] = TypeName(target.Type),
        ["selection"] = target.Selection.ToString(),
        ["candidates"] = Items(target.Candidates.Select(c => (JsonNode?)c)),
        ["chosen"] = target.Chosen,
        ["random"] = target.IsRandom,
    };

    private static JsonObject Schedule(ExperimentPlan plan) => new()
    {
        ["baseline"] = Span(TimeSpan.Zero, plan.FaultStart),
        ["faultPhase"] = Span(plan.FaultStart, plan.FaultEnd),
        ["recovery"] = Span(plan.FaultEnd, plan.RunEnd),
        ["actions"] = Items(plan.Actions.Select(a => (JsonNode?)new JsonObject
        {
            ["name"] = a.Name,
            ["kind"] = a.Kind,
            ["target"] = a.Target,
            ["startAfter"] = Items(a.StartAfter.Select(s => (JsonNode?)s)),
            ["fromSeconds"] = a.Start.TotalSeconds,
            ["toSeconds"] = a.End.TotalSeconds,
            ["effectFromSeconds"] = a.EarliestEffect.TotalSeconds,
            ["effectEverywhereSeconds"] = a.LatestEffect.TotalSeconds,
            ["injects"] = a.Injects,
        })),
    };

    private static JsonObject Span(TimeSpan from, TimeSpan to) => new()
    {
        ["fromSeconds"] = from.TotalSeconds,
        ["toSeconds"] = to.TotalSeconds,
    };

    private static JsonObject Check(PlannedCheck check) => new()
    {
        ["number"] = check.Number,
        ["name"] = check.Definition.Name,
        ["kind"] = JsonNamingPolicy.KebabCaseLower.ConvertName(check.Kind.ToString()),
        ["window"] = check.Definition.Window.ToString(),
        ["steadyState"] = check.IsSteadyState,
        ["fromSeconds"] = check.From.TotalSeconds,
        ["toSeconds"] = check.To.TotalSeconds,
        ["deadlineSeconds"] = check.Deadline?.TotalSeconds,
        ["expects"] = check.Expectation,
    };

    private static JsonObject StopCondition(StopConditionDefinition condition) => new()
    {
        ["name"] = condition.Name,
        ["metric"] = condition.Metric.ToString(),
        ["clients"] = condition.Clients.ToString(),
        ["alarmWhen"] = condition.AlarmWhen.ToString(),
        ["forSeconds"] = condition.For.TotalSeconds,
        ["missingData"] = JsonNamingPolicy.CamelCase.ConvertName(condition.MissingData.ToString()),
    };

    private static JsonObject Prediction(PlanPrediction? prediction, string? unavailable)
    {
        if (prediction is null)
        {
            return new JsonObject { ["available"] = false, ["reason"] = unavailable };
        }

        var verdicts = new JsonObject();
        foreach (var (kind, count) in prediction.Verdicts.Where(v => v.Value > 0).OrderBy(v => v.Key))
        {
            verdicts[VerdictName(kind)] = count;
        }

        return new JsonObject
        {
            ["available"] = true,
            ["seeds"] = prediction.Seeds,
            ["firstSeed"] = prediction.FirstSeed,
            ["verdicts"] = verdicts,
            ["stopped"] = prediction.Stopped,
            ["timeToUnhealthy"] = Items(prediction.TimeToUnhealthy.Select(Timing)),
            ["timeToDnsMove"] = Items(prediction.TimeToDnsMove.Select(Timing)),
        };
    }

    private static JsonObject Timing(PlanTiming timing) => new()
    {
        ["subject"] = timing.Subject,
        ["runs"] = timing.Runs,
        ["medianSeconds"] = timing.Median?.TotalSeconds,
        ["p10Seconds"] = timing.P10?.TotalSeconds,
        ["p90Seconds"] = timing.P90?.TotalSeconds,
    };

    private static JsonArray Items(IEnumerable<JsonNode?> items) => new([.. items]);
}
