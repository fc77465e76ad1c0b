using System.Globalization;
using System.Text;
using Faultline.Core.Checks;
using Faultline.Reports.Html;
using static Faultline.Reports.Html.HtmlParts;

namespace Faultline.Reports.Compare;

/// <summary>Renders <c>compare.html</c>: two runs side by side, self-contained like <c>report.html</c>.</summary>
public static class CompareHtmlRenderer
{
    /// <summary>The page.</summary>
    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var (a, b) = (comparison.Before, comparison.After);
        var body = new StringBuilder();
        body.Append("<header>\n<div class=\"meta\">Faultline run comparison</div>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1 id=\"hypothesis\">{E(b.Verdict.Hypothesis)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"meta\"><span>A <strong>{E(a.RunId)}</strong> ({E(a.Header.ExperimentPath)})</span><span>B <strong>{E(b.RunId)}</strong> ({E(b.Header.ExperimentPath)})</span></div>\n</header>\n");
        body.Append(CultureInfo.InvariantCulture, $"<section id=\"verdicts\" class=\"side-by-side\">{Verdict(a, "A")}{Verdict(b, "B")}</section>\n");
        body.Append("<section id=\"checks\"><h2>Checks, A → B</h2>\n<table class=\"checks\"><thead><tr><th>Check</th><th>Threshold</th><th>A</th><th>A measured</th><th>B</th><th>B measured</th></tr></thead><tbody>\n");
        foreach (var c in comparison.Checks)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(c.ResultChanged ? "changed" : "same")}\"><td>{E(c.Name)}</td><td>{E((c.After ?? c.Before)?.Expected)}</td><td>{Side(c.Before)}</td><td>{E(c.Before?.Measured ?? "—")}</td><td>{Side(c.After)}</td><td>{E(c.After?.Measured ?? "—")}</td></tr>\n");
        }

        body.Append("</tbody></table></section>\n");
        body.Append("<section id=\"impact\"><h2>Customer impact, A → B</h2>\n<table class=\"impact\"><thead><tr><th>Population</th><th>A failures</th><th>B failures</th><th>A success</th><th>B success</th><th>A outage</th><th>B outage</th><th>A served by</th><th>B served by</th></tr></thead><tbody>\n");
        foreach (var (population, before, after) in comparison.Impact)
        {
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(population)}</td><td class=\"num\">{before?.Failures.ToString("N0", CultureInfo.InvariantCulture) ?? "—"}</td><td class=\"num\">{after?.Failures.ToString("N0", CultureInfo.InvariantCulture) ?? "—"}</td><td class=\"num\">{Percent(before?.SuccessRate)}</td><td class=\"num\">{Percent(after?.SuccessRate)}</td><td class=\"num\">{(before is null ? "—" : CheckEvaluator.FormatElapsed(before.OutageDuration))}</td><td class=\"num\">{(after is null ? "—" : CheckEvaluator.FormatElapsed(after.OutageDuration))}</td><td>{E(Served(before))}</td><td>{E(Served(after))}</td></tr>\n");
        }

        body.Append("</tbody></table></section>\n");
        body.Append(CultureInfo.InvariantCulture, $"<section id=\"timelines\"><h2>Timelines</h2><div class=\"side-by-side\"><div><h3>A</h3>{TimelineTable(a.Verdict.Timeline)}</div><div><h3>B</h3>{TimelineTable(b.Verdict.Timeline)}</div></div></section>\n");
        body.Append(CultureInfo.InvariantCulture, $"<section id=\"charts\"><h2>Charts</h2>{ChartPairs(a, b)}</section>\n");
        return Page(
            $"{VerdictWord(a.Verdict.Kind)} → {VerdictWord(b.Verdict.Kind)}: {b.Title}",
            body.ToString(),
            new Dictionary<string, RunReport>(StringComparer.Ordinal) { ["a"] = a, ["b"] = b });
    }

    // One grid row per chart, A's beside B's: the twins share a row, so a taller chart above one of them (more marker
    // rows, a wider legend) cannot push it below its twin. A chart only one run has faces a note.
    private static string ChartPairs(RunReport a, RunReport b)
    {
        var html = new StringBuilder("<div class=\"side-by-side chart-pairs\"><h3>A</h3><h3>B</h3>\n");
        foreach (var id in a.Charts.Concat(b.Charts).Select(c => c.Id).Distinct(StringComparer.Ordinal))
        {
            foreach (var (report, run) in new[] { (a, "a"), (b, "b") })
            {
                html.Append(report.Charts.FirstOrDefault(c => c.Id == id) is { } chart
                    ? HtmlParts.Figure(run, chart)
                    : $"<p class=\"chart nodata\" data-run=\"{run}\" data-missing-chart=\"{E(id)}\">Run {run.ToUpperInvariant()} has no such chart.</p>\n");
            }
        }

        return html.Append("</div>\n").ToString();
    }

    private static string Verdict(RunReport report, string side)
    {
        var kind = Kebab(report.Verdict.Kind.ToString());
        return $"<div class=\"verdict verdict-{kind}\" data-side=\"{side}\"><div class=\"verdict-kind\">{side}: {E(VerdictWord(report.Verdict.Kind))}</div>{(report.Partial ? "<p><strong>partial — the run did not finish</strong></p>" : string.Empty)}<p class=\"summary\">{E(report.Verdict.Summary)}</p>{Diagnosis(report.Verdict.Diagnosis)}</div>";
    }

    private static string Side(CheckResult? check) => check is null ? "—" : Result(check.Passed);

    private static string Served(Core.Verdict.CustomerImpact? impact) =>
        impact is null ? "—" : string.Join(", ", impact.ServedBy.Select(r => $"{r.Region} {r.Percent.ToString("0.#", CultureInfo.InvariantCulture)}%"));
}
