using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Faultline.Core.Checks;
using Faultline.Core.Host;
using Faultline.Core.Journal;
using Faultline.Core.Verdict;
using Faultline.Reports.Charts;

namespace Faultline.Reports.Html;

/// <summary>Pieces the run report and the comparison share: the page shell, tables, charts and their data.</summary>
internal static class HtmlParts
{
    /// <summary>The policy of a page without script: inline styles, nothing else (links still navigate).</summary>
    public const string StaticPolicy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static string VerdictWord(VerdictKind kind) => kind == VerdictKind.NotRun ? "Not run" : kind.ToString();

    public static string Offset(TimeSpan? offset) => offset is { } o ? "+" + CheckEvaluator.FormatElapsed(o) : "—";

    public static string Result(bool? passed) => passed switch
    {
        true => "<span class=\"pass\">passed</span>",
        false => "<span class=\"fail\">failed</span>",
        _ => "<span class=\"undecided\">undecided</span>",
    };

    /// <summary>A whole page: inline styles, the body, the chart data, uPlot and the chart script.</summary>
    public static string Page(string title, string body, IReadOnlyDictionary<string, RunReport> chartRuns)
    {
        var data = new
        {
            runs = chartRuns.ToDictionary(r => r.Key, r => new { charts = r.Value.Charts.Concat(r.Value.CloudWatch).ToList(), markers = r.Value.Markers }),
        };

        // The default encoder escapes <, > and &, so the JSON cannot close its script element.
        var json = JsonSerializer.Serialize(data, JournalJson.Options);
        var html = new StringBuilder();
        Head(html, title, policy: null, WebAssets.UPlotCss + "\n");
        html.Append(body);
        html.Append("<noscript><p>The charts need JavaScript; every number is also in the tables above.</p></noscript>\n");
        html.Append("<script type=\"application/json\" id=\"faultline-data\">").Append(json).Append("</script>\n");
        html.Append("<script>\n").Append(WebAssets.UPlotJs).Append("\n</script>\n<script>\n").Append(WebAssets.ChartsJs).Append('\n').Append(WebAssets.ReportJs).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// A whole page with no script at all: inline styles and the body. Its Content-Security-Policy forbids every
    /// script and every fetch, so the page can only show what it holds.
    /// </summary>
    public static string StaticPage(string title, string body)
    {
        var html = new StringBuilder();
        Head(html, title, StaticPolicy, string.Empty);
        return html.Append(body).Append("</body>\n</html>\n").ToString();
    }

    public static string Charts(RunReport report, string run)
    {
        var html = new StringBuilder("<div class=\"charts\">\n");
        foreach (var chart in report.Charts)
        {
            html.Append(Figure(run, chart));
        }

        return html.Append("</div>\n").ToString();
    }

    /// <summary>The figure report.js draws one chart of run <paramref name="run"/> into.</summary>
    public static string Figure(string run, ReportChart chart) =>
        $"<figure class=\"chart\" id=\"chart-{E(run)}-{E(chart.Id)}\" data-run=\"{E(run)}\" data-chart=\"{E(chart.Id)}\"><figcaption>{E(chart.Title)}</figcaption><div class=\"plot\"></div></figure>\n";

    /// <summary>
    /// The "What CloudWatch would show" section: the 1-minute charts, then every datapoint in a table (period start in
    /// UTC and since the run's start, one column per series), so the numbers compare with a CloudWatch dashboard's.
    /// </summary>
    public static string CloudWatch(RunReport report, string run)
    {
        var html = new StringBuilder("<section id=\"cloudwatch\"><h2>What CloudWatch would show</h2>\n");
        if (report.CloudWatch.Count == 0)
        {
            return html.Append("<p class=\"kind\">Not available for this run: its experiment and topology, which name the metrics, no longer read.</p></section>\n").ToString();
        }

        html.Append("<p class=\"kind\">The charts above as a CloudWatch dashboard draws them: 1-minute datapoints (period 60 s), each stamped with the start of its minute (UTC, lab time), the first and last minutes partial. HealthCheckStatus uses the statistic Minimum (0 if the check was unhealthy at any moment of the minute); the load counters use Sum, every client added. Markers as above.</p>\n");
        html.Append("<div class=\"charts\">\n");
        foreach (var chart in report.CloudWatch)
        {
            html.Append(CultureInfo.InvariantCulture, $"<figure class=\"chart\" id=\"chart-{E(run)}-{E(chart.Id)}\" data-run=\"{E(run)}\" data-chart=\"{E(chart.Id)}\" data-period=\"{chart.PeriodSeconds?.ToString(CultureInfo.InvariantCulture)}\"><figcaption>{E(chart.Title)}</figcaption><div class=\"plot\"></div></figure>\n");
        }

        html.Append("</div>\n<details class=\"cloudwatch-datapoints\"><summary>Datapoints</summary>\n<div class=\"table-scroll\"><table class=\"cloudwatch\">\n<thead><tr><th>Minute (UTC)</th><th>Since start</th>");
        var columns = report.CloudWatch.SelectMany(c => c.Series.Select(s => (Chart: c, Series: s))).ToList();
        foreach (var (chart, series) in columns)
        {
            var stat = chart.Id == "cloudwatch-health" ? "Minimum" : "Sum";
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(series.Label)} <span class=\"kind\">{stat}</span></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var seconds = report.CloudWatch[0].Seconds;
        for (var i = 0; i < seconds.Count; i++)
        {
            var at = report.Phases.RunStart.AddSeconds(seconds[i]);
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"datapoint\" data-minute=\"{at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)}\"><td>{at.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)}</td><td class=\"num\">{E(Since(seconds[i]))}</td>");
            foreach (var (_, series) in columns)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{(series.Values[i] is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—")}</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table></div></details>\n</section>\n").ToString();
    }

    public static string ChecksTable(IReadOnlyList<CheckResult> checks)
    {
        var html = new StringBuilder("<table class=\"checks\">\n<thead><tr><th>#</th><th>Check</th><th>Result</th><th>Measured</th><th>Threshold</th><th>Window</th><th>What was seen</th></tr></thead>\n<tbody>\n");
        foreach (var c in checks)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"check\" data-passed=\"{(c.Passed is { } p ? (p ? "true" : "false") : "null")}\"><td class=\"num\">{c.Number}</td><td>{E(c.Name)}{(c.IsSteadyState ? " <span class=\"kind\">steady state</span>" : string.Empty)}</td><td>{Result(c.Passed)}</td><td>{E(c.Measured ?? "—")}</td><td>{E(c.Expected)}</td><td>{E(c.Window)}<br><span class=\"kind\">{Offset(c.FromOffset)} .. {Offset(c.ToOffset)}</span></td><td>{E(c.Explanation)}{(c.HostImpaired is null ? string.Empty : $"<br><span class=\"host-impaired\">{E(c.HostImpaired)}</span>")}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>The host-timing section's body: whether the host kept lab time, the budget, and the load's send lag.</summary>
    public static string HostTiming(HostTiming host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"summary\" data-impaired-seconds=\"{host.ImpairedSeconds}\">{E(host.Summary)}</p>\n<table class=\"host\"><tbody>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Budget</th><td>{host.AllowanceMs.ToString("0", CultureInfo.InvariantCulture)} ms of lab time ({host.WallAllowanceMs.ToString("0.#", CultureInfo.InvariantCulture)} ms of wall time at {host.TimeScale.ToString("0.##", CultureInfo.InvariantCulture)}×): half of {E(host.Deadline)}</td></tr>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Worst timer lateness</th><td>{host.WorstLatenessMs.ToString("0", CultureInfo.InvariantCulture)} ms of lab time</td></tr>\n");
        html.Append(CultureInfo.InvariantCulture, $"<tr><th>Lab seconds over budget</th><td>{host.ImpairedSeconds} of {host.Seconds}</td></tr>\n");
        if (host.LateSendsPercent is { } late)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>Late sends</th><td>{late.ToString("0.#", CultureInfo.InvariantCulture)}% left more than 1 ms late; send lag p99 {host.SendLagP99WallMs.GetValueOrDefault().ToString("0.#", CultureInfo.InvariantCulture)} ms of wall time</td></tr>\n");
        }

        return html.Append("</tbody></table>\n").ToString();
    }

    public static string Diagnosis(IReadOnlyList<DiagnosisFinding> findings)
    {
        var html = new StringBuilder();
        foreach (var f in findings)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"finding\" data-code=\"{E(f.Code)}\"><div class=\"headline\">{E(f.Headline)}</div>");
            if (f.Evidence.Count > 0)
            {
                html.Append("<ul class=\"evidence\">");
                foreach (var line in f.Evidence)
                {
                    html.Append("<li>").Append(E(line)).Append("</li>");
                }

                html.Append("</ul>");
            }

            if (f.Fix is not null)
            {
                html.Append("<div class=\"fix\"><strong>Fix:</strong> ").Append(E(f.Fix)).Append("</div>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<div class=\"kind\">{E(f.Code)}</div></div>\n");
        }

        return html.ToString();
    }

    public static string ImpactTable(IReadOnlyList<CustomerImpact> impact)
    {
        var html = new StringBuilder("<table class=\"impact\">\n<thead><tr><th>Population</th><th>Attempts</th><th>Failures</th><th>Success rate</th><th>During fault</th><th>Outage</th><th>Failures by class</th><th>Served by</th></tr></thead>\n<tbody>\n");
        foreach (var i in impact)
        {
            var served = string.Join(", ", i.ServedBy.Select(r => $"{r.Region} {r.Responses.ToString("N0", CultureInfo.InvariantCulture)}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(i.Population)}</td><td class=\"num\">{i.Attempts:N0}</td><td class=\"num\">{i.Failures:N0}</td><td class=\"num\">{Percent(i.SuccessRate)}</td><td class=\"num\">{Percent(i.FaultSuccessRate)}</td><td class=\"num\">{E(CheckEvaluator.FormatElapsed(i.OutageDuration))}</td><td>{E(i.FailureBreakdown.Length == 0 ? "—" : i.FailureBreakdown)}</td><td>{E(served)}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    public static string TimelineTable(IReadOnlyList<TimelineEntry> timeline)
    {
        var html = new StringBuilder("<table class=\"timeline\">\n<thead><tr><th>When</th><th>What</th><th>Kind</th></tr></thead>\n<tbody>\n");
        foreach (var row in TimelineRows.Collapse(timeline))
        {
            var t = row[0];
            if (row.Count == 1)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"num\">{Offset(t.Offset)}</td><td>{E(t.Text)}</td><td class=\"kind\">{E(Kebab(t.Kind.ToString()))}</td></tr>\n");
                continue;
            }

            var where = string.Join(", ", row.Select(e => $"{TimelineRows.Location(e)} {Offset(e.Offset)}"));
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"collapsed\" data-count=\"{row.Count}\"><td class=\"num\">{Offset(t.Offset)}</td><td><details><summary>{E(TimelineRows.Text(row))}</summary>{E(where)}</details></td><td class=\"kind\">{E(Kebab(t.Kind.ToString()))}</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    // An offset from the run's start as the charts' axis writes it, which may be before the start (the first minute's).
    private static string Since(double seconds)
    {
        var whole = (long)Math.Round(seconds);
        var sign = whole < 0 ? "-" : "+";
        whole = Math.Abs(whole);
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{whole / 60}m{whole % 60:00}s");
    }

    /// <summary>A percentage, or "no data" (greyed) when there was nothing to measure.</summary>
    public static string Percent(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "<span class=\"nodata\">no data</span>";

    public static string PartialBanner(RunReport report) => report.Partial
        ? $"<div class=\"partial-banner\" id=\"partial\">Partial — the run did not finish (last state: {E(Kebab(report.FinalState.ToString()))}). The journal ends early, so the evidence below ends early too.</div>\n"
        : string.Empty;

    // The document up to and including <body>: the same head for every page kind.
    private static void Head(StringBuilder html, string title, string? policy, string extraCss)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        if (policy is not null)
        {
            html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(E(policy)).Append("\">\n");
        }

        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(extraCss).Append(WebAssets.ReportCss).Append("</style>\n</head>\n<body>\n");
    }
}
