using System.Text.Json.Nodes;
using Faultline.Cli.Commands.Plan;
using Faultline.Core.Checks;
using Faultline.Core.Verdict;
using Faultline.Reports;
using Faultline.Reports.Compare;

namespace Faultline.Cli.Commands.Report;

/// <summary>
/// The document <c>faultline report --compare A B --output json</c> prints (docs/observing.md, "Machine-readable
/// output"): the two runs' key numbers side by side — verdicts, each check's outcome and measured value, each
/// population's requests, failures, success rate and outage — and where <c>compare.html</c> was written.
/// </summary>
internal static class CompareJson
{
    /// <summary>The document for <paramref name="comparison"/>, whose page was written to <paramref name="html"/>.</summary>
    public static JsonObject Document(RunComparison comparison, string html)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var checks = new JsonArray();
        foreach (var check in comparison.Checks)
        {
            checks.Add(new JsonObject
            {
                ["name"] = check.Name,
                ["expected"] = (check.After ?? check.Before)?.Expected,
                ["a"] = Check(check.Before),
                ["b"] = Check(check.After),
                ["changed"] = check.ResultChanged,
            });
        }

        var impact = new JsonArray();
        foreach (var (population, a, b) in comparison.Impact)
        {
            impact.Add(new JsonObject
            {
                ["population"] = population,
                ["a"] = Impact(a),
                ["b"] = Impact(b),
            });
        }

        return new JsonObject
        {
            ["a"] = Run(comparison.Before),
            ["b"] = Run(comparison.After),
            ["verdictChanged"] = comparison.VerdictChanged,
            ["checks"] = checks,
            ["impact"] = impact,
            ["compare"] = html,
        };
    }

    /// <summary>A check's outcome in words: <c>passed</c>, <c>failed</c> or <c>undecided</c>.</summary>
    public static string Outcome(bool? passed) => passed switch
    {
        true => "passed",
        false => "failed",
        _ => "undecided",
    };

    private static JsonObject Run(RunReport run) => new()
    {
        ["runId"] = run.RunId,
        ["verdict"] = PlanJson.VerdictName(run.Verdict.Kind),
        ["summary"] = run.Verdict.Summary,
        ["partial"] = run.Partial,
    };

    private static JsonObject? Check(CheckResult? check) => check is null ? null : new JsonObject
    {
        ["result"] = Outcome(check.Passed),
        ["measured"] = check.Measured,
        ["measuredValue"] = check.MeasuredValue,
    };

    private static JsonObject? Impact(CustomerImpact? impact) => impact is null ? null : new JsonObject
    {
        ["requests"] = impact.Attempts,
        ["failures"] = impact.Failures,
        ["successRate"] = impact.SuccessRate,
        ["outageSeconds"] = impact.OutageDuration.TotalSeconds,
    };
}
