using System.Globalization;
using System.Text;
using Faultline.Core.Simulation;
using Faultline.Core.Text;
using Faultline.Core.Verdict;
using static Faultline.Reports.Html.HtmlParts;

namespace Faultline.Reports.Sweeps;

/// <summary>
/// Renders a simulated batch's <c>report.html</c>: one self-contained page without script (styles inline, nothing
/// fetched) with the experiment, the seeds and the engine, the verdicts over every run, the blog's question answered
/// for every sweep point with the best one marked, the sweep table (the columns of <c>summary.csv</c>, one row per
/// point) and, when runs were kept, a link to each run's own report. Only <see cref="SweepReport.WallTime"/> varies
/// between two renders of the same batch.
/// </summary>
public static class SweepHtmlRenderer
{
    /// <summary>The page.</summary>
    public static string Render(SweepReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var points = report.Points;
        var columns = SweepColumns.Of(points);
        var answer = SweepAnswer.Of(points);
        var sweep = points[0].Settings.Count > 0;
        var runs = points.Sum(p => p.Seeds.Count);
        var totals = Enum.GetValues<VerdictKind>().ToDictionary(k => k, k => points.Sum(p => p.Verdicts.GetValueOrDefault(k)));
        var overall = totals[VerdictKind.Held] == runs ? VerdictKind.Held
            : totals[VerdictKind.Refuted] > 0 ? VerdictKind.Refuted
            : totals[VerdictKind.Inconclusive] > 0 ? VerdictKind.Inconclusive
            : VerdictKind.NotRun;
        var headline = overall == VerdictKind.Held
            ? string.Create(CultureInfo.InvariantCulture, $"Held in all {runs:N0} runs")
            : string.Create(CultureInfo.InvariantCulture, $"Held in {totals[VerdictKind.Held]:N0} of {runs:N0} runs");

        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<header>\n<div class=\"meta\">Faultline simulated {(sweep ? "sweep" : "batch")}</div>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1 id=\"hypothesis\">{E(report.Hypothesis)}</h1>\n")
            .Append("<div class=\"meta\">")
            .Append(CultureInfo.InvariantCulture, $"<span>experiment {E(report.ExperimentPath)}</span>\n")
            .Append(CultureInfo.InvariantCulture, $"<span>topology <strong>{E(report.TopologyName)}</strong> ({E(report.TopologyPath)})</span>\n")
            .Append(CultureInfo.InvariantCulture, $"<span id=\"seeds\">seeds {SeedRange(report.Seeds)} ({report.Seeds.Count:N0} per point)</span>\n")
            .Append(CultureInfo.InvariantCulture, $"<span>{points.Count:N0} point{(points.Count == 1 ? string.Empty : "s")}, {runs:N0} runs</span>\n")
            .Append("<span id=\"engine\">engine <strong>simulated</strong>: virtual time, deterministic (a seed gives the same run on any machine)</span>\n")
            .Append(CultureInfo.InvariantCulture, $"<span id=\"wall-time\">wall time {E(Durations.Describe(report.WallTime))}</span>\n")
            .Append(CultureInfo.InvariantCulture, $"<span>faultline {E(report.ToolVersion)}</span>\n")
            .Append("</div>\n</header>\n");

        var kind = Kebab(overall.ToString());
        body.Append(CultureInfo.InvariantCulture, $"<section class=\"verdict verdict-{kind}\" id=\"verdicts\" data-verdict=\"{kind}\"><div class=\"verdict-kind\">{E(headline)}</div><p class=\"summary\">")
            .Append(string.Join(" · ", totals.Select(t => $"{SweepColumns.VerdictName(t.Key)} {t.Value.ToString("N0", CultureInfo.InvariantCulture)}")))
            .Append("</p></section>\n");

        if (answer is not null)
        {
            body.Append(Answer(points, answer, several: points.Count > 1));
        }

        body.Append(CultureInfo.InvariantCulture, $"<section id=\"sweep\"><h2>{(points.Count > 1 ? "Every point" : "Distribution")}</h2>\n")
            .Append("<p class=\"note\">Times are lab time from the fault phase's start: p5, p50 and p95 are nearest-rank percentiles over the runs where it happened; never counts the runs where it did not. The same numbers are in summary.csv (in seconds) and summary.json, next to this file.</p>\n")
            .Append(Table(points, columns, answer))
            .Append("</section>\n");
        body.Append(Runs(report, sweep));
        body.Append(CultureInfo.InvariantCulture, $"<footer>Written by faultline {E(report.ToolVersion)} from {runs:N0} simulated runs. No script; nothing is fetched.</footer>\n");
        return StaticPage($"{headline}: {report.Hypothesis} — simulated {(sweep ? "sweep" : "batch")} of {report.TopologyName}", body.ToString());
    }

    private static string SeedRange(IReadOnlyList<int> seeds) => seeds.Count switch
    {
        0 => "none",
        1 => seeds[0].ToString(CultureInfo.InvariantCulture),
        _ => $"{seeds[0].ToString(CultureInfo.InvariantCulture)}…{seeds[^1].ToString(CultureInfo.InvariantCulture)}",
    };

    private static string Answer(IReadOnlyList<SimulationSummary> points, SweepAnswer answer, bool several)
    {
        var who = answer.Population;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"answer\" data-population=\"{E(who)}\"><h2>{E(answer.Question)}</h2>\n<p class=\"answer\">");
        if (answer.Best.Count == 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"No run measured the outage of {E(who)}.");
        }
        else if (!several)
        {
            var d = points[answer.Best[0]].Outage[who];
            html.Append(d.P95 == TimeSpan.Zero
                ? string.Create(CultureInfo.InvariantCulture, $"{E(who)} saw no outage in any of the {d.Count:N0} runs.")
                : string.Create(CultureInfo.InvariantCulture, $"{E(who)}: a median outage of <strong>{E(SweepColumns.Describe(d.P50))}</strong> (p5 {E(SweepColumns.Describe(d.P5))}, p95 {E(SweepColumns.Describe(d.P95))}) over {d.Count:N0} runs."));
        }
        else
        {
            var d = points[answer.Best[0]].Outage[who];
            var labels = string.Join("; ", answer.Best.Select(i => $"<strong>{E(points[i].Label)}</strong>"));
            html.Append(answer.Best.Count == 1 ? $"Soonest with {labels}" : string.Create(CultureInfo.InvariantCulture, $"Soonest, tied, with {answer.Best.Count} settings: {labels}"))
                .Append(CultureInfo.InvariantCulture, $": a median outage of <strong>{E(SweepColumns.Describe(d.P50))}</strong> (p5 {E(SweepColumns.Describe(d.P5))}, p95 {E(SweepColumns.Describe(d.P95))}).");
            var worst = points.Select((s, i) => (Index: i, P50: s.Outage.GetValueOrDefault(who)?.P50)).Where(p => p.P50 is not null).MaxBy(p => p.P50);
            if (!answer.Best.Contains(worst.Index))
            {
                html.Append(CultureInfo.InvariantCulture, $" Latest with {E(points[worst.Index].Label)}: a median of {E(SweepColumns.Describe(worst.P50))}.");
            }
        }

        html.Append("</p>\n<p class=\"note\">Outage: the longest span of consecutive seconds in which the population's requests failed, in each run. The best setting has the shortest median; ties go to the shorter p95, then to more runs held.</p>\n");
        if (several)
        {
            html.Append(AnswerTable(points, answer));
        }

        return html.Append("</section>\n").ToString();
    }

    private static string AnswerTable(IReadOnlyList<SimulationSummary> points, SweepAnswer answer)
    {
        var who = answer.Population;
        var scale = points.Select(p => p.Outage.GetValueOrDefault(who)?.P95 ?? TimeSpan.Zero).Max().TotalSeconds;
        var html = new StringBuilder("<table class=\"answer\">\n<thead><tr><th>setting</th><th>median outage</th><th>p5</th><th>p95</th><th>never</th><th>verdicts</th><th class=\"bar-head\">p5–p95, median marked</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            var d = point.Outage.GetValueOrDefault(who);
            var best = answer.Best.Contains(i);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"point{(best ? " best" : string.Empty)}\" data-point=\"{i + 1}\"{(best ? " data-best=\"true\"" : string.Empty)}><td>{E(point.Label)}{(best ? " <span class=\"best-mark\">best</span>" : string.Empty)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{E(SweepColumns.Describe(d?.P50))}</td><td class=\"num\">{E(SweepColumns.Describe(d?.P5))}</td><td class=\"num\">{E(SweepColumns.Describe(d?.P95))}</td><td class=\"num\">{(d is null ? "—" : d.Never.ToString("N0", CultureInfo.InvariantCulture))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", point.Verdicts.Where(v => v.Value > 0).Select(v => string.Create(CultureInfo.InvariantCulture, $"{SweepColumns.VerdictName(v.Key)} {v.Value:N0}"))))}</td><td class=\"bar-cell\">{Bar(d, scale)}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    // A range bar drawn by CSS alone: p5 to p95 as a band, the median as a tick, on one scale for every point.
    private static string Bar(TimeDistribution? d, double scale)
    {
        if (d?.P5 is not { } p5 || d.P50 is not { } p50 || d.P95 is not { } p95 || scale <= 0)
        {
            return "<div class=\"bar\"></div>";
        }

        string At(TimeSpan t) => (t.TotalSeconds / scale * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        return $"<div class=\"bar\"><span class=\"range\" style=\"left:{At(p5)};width:{At(p95 - p5)}\"></span><span class=\"median\" style=\"left:{At(p50)}\"></span></div>";
    }

    private static string Table(IReadOnlyList<SimulationSummary> points, IReadOnlyList<SweepColumn> columns, SweepAnswer? answer)
    {
        bool Asked(SweepColumn c) => answer is not null && string.Equals(c.OutageOf, answer.Population, StringComparison.Ordinal);
        var top = new StringBuilder("<tr>");
        var bottom = new StringBuilder("<tr>");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            if (column.Group is null)
            {
                top.Append(CultureInfo.InvariantCulture, $"<th rowspan=\"2\" data-column=\"{E(column.CsvHeader)}\">{E(column.Name)}</th>");
                continue;
            }

            var span = 1;
            while (i + span < columns.Count && string.Equals(columns[i + span].Group, column.Group, StringComparison.Ordinal))
            {
                span++;
            }

            top.Append(CultureInfo.InvariantCulture, $"<th colspan=\"{span}\" class=\"group{(Asked(column) ? " asked" : string.Empty)}\">{E(column.Group)}</th>");
            foreach (var sub in columns.Skip(i).Take(span))
            {
                bottom.Append(CultureInfo.InvariantCulture, $"<th data-column=\"{E(sub.CsvHeader)}\"{(Asked(sub) ? " class=\"asked\"" : string.Empty)}>{E(sub.Name)}</th>");
            }

            i += span - 1;
        }

        var html = new StringBuilder("<div class=\"table-scroll\">\n<table class=\"sweep\">\n<thead>")
            .Append(top).Append("</tr>\n").Append(bottom).Append("</tr></thead>\n<tbody>\n");
        for (var p = 0; p < points.Count; p++)
        {
            var point = points[p];
            var best = answer is not null && answer.Best.Contains(p) && points.Count > 1;
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"point{(best ? " best" : string.Empty)}\" data-point=\"{p + 1}\"{(best ? " data-best=\"true\"" : string.Empty)}>");
            foreach (var column in columns)
            {
                var classes = new List<string>();
                if (column.Numeric)
                {
                    classes.Add("num");
                }

                if (Asked(column))
                {
                    classes.Add("asked");
                }

                var csv = column.Csv(point);
                if (column.CsvHeader.StartsWith("pass rate: ", StringComparison.Ordinal))
                {
                    classes.Add(csv == "1" ? "pass" : csv == "0" ? "fail" : "undecided");
                }

                html.Append(CultureInfo.InvariantCulture, $"<td{(classes.Count == 0 ? string.Empty : $" class=\"{string.Join(' ', classes)}\"")} data-csv=\"{E(csv)}\">{E(column.Display(point))}</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n</div>\n").ToString();
    }

    private static string Runs(SweepReport report, bool sweep)
    {
        if (report.Runs.All(r => r.Count == 0))
        {
            return string.Empty;
        }

        var html = new StringBuilder("<section id=\"runs\"><h2>Runs</h2>\n<p class=\"note\">Each kept run's own report (--keep-runs): its checks, charts, customer impact and timeline.</p>\n");
        for (var p = 0; p < report.Runs.Count && p < report.Points.Count; p++)
        {
            var runs = report.Runs[p];
            var label = sweep ? report.Points[p].Label : "every seed";
            html.Append(CultureInfo.InvariantCulture, $"<details class=\"point-runs\" data-point=\"{p + 1}\"{(report.Points.Count == 1 ? " open" : string.Empty)}><summary>{E(label)} — {runs.Count:N0} run{(runs.Count == 1 ? string.Empty : "s")}</summary>\n<ul class=\"runs\">");
            foreach (var run in runs)
            {
                var verdict = Kebab(run.Verdict.ToString());
                html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{E(Href(run.ReportPath))}\">seed {run.Seed}</a> <span class=\"run-verdict verdict-{verdict}\">{E(SweepColumns.VerdictName(run.Verdict))}</span></li>");
            }

            html.Append("</ul></details>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    // A relative path as a URL: each segment percent-encoded, so a name with '#', '?' or a space still links.
    private static string Href(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
}
