using System.Globalization;
using System.Text;
using static Faultline.Reports.Html.HtmlParts;

namespace Faultline.Reports.Html;

/// <summary>
/// Renders a run's <c>report.html</c>: one self-contained file (styles, chart library and data inline, nothing
/// fetched) with the hypothesis, the verdict, the diagnosis, the checks, the charts, customer impact and the timeline.
/// Deterministic: the same journal gives the same bytes.
/// </summary>
public static class HtmlReportRenderer
{
    /// <summary>The page.</summary>
    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var v = report.Verdict;
        var kind = Kebab(v.Kind.ToString());
        var body = new StringBuilder();
        body.Append("<header>\n<div class=\"meta\">Faultline run report</div>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1 id=\"hypothesis\">{E(v.Hypothesis)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">\n<span>run <strong>{E(report.RunId)}</strong></span>\n<span>experiment {E(report.Header.ExperimentPath)}</span>\n<span>topology {E(report.Header.TopologyPath)}</span>\n<span>seed {report.Header.Seed}</span>\n<span>{(report.Header.Engine == "simulated" ? "simulated in virtual time" : $"time scale {report.Header.TimeScale.ToString("0.##", CultureInfo.InvariantCulture)}×")}</span>\n<span>lab start {report.Header.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC</span>\n<span>ended {E(Kebab(report.FinalState.ToString()))}</span>\n<span>faultline {E(report.Header.ToolVersion)}</span>\n</div>\n</header>\n");
        body.Append(PartialBanner(report));
        body.Append(CultureInfo.InvariantCulture, $"<section class=\"verdict verdict-{kind}\" id=\"verdict\" data-verdict=\"{kind}\"><div class=\"verdict-kind\">{E(VerdictWord(v.Kind))}</div><p class=\"summary\">{E(v.Summary)}</p>");
        if (report.VerdictRecomputed)
        {
            body.Append("<p class=\"kind\">The run stored no final verdict; this one was recomputed from its journal.</p>");
        }

        body.Append("</section>\n");
        if (v.Diagnosis.Count > 0)
        {
            body.Append("<section id=\"diagnosis\"><h2>Diagnosis</h2>\n").Append(Diagnosis(v.Diagnosis)).Append("</section>\n");
        }

        body.Append("<section id=\"checks\"><h2>Checks</h2>\n").Append(ChecksTable(v.Checks)).Append("</section>\n");
        body.Append("<section id=\"charts\"><h2>Charts</h2>\n<p class=\"note\">Lab time since the run's start, ticks on whole minutes. Colours mean the same in every chart: 2xx green, 4xx amber, 5xx red, errors grey, and one colour per region (a population and a health check take their region's). Dashed level lines are thresholds of checks and stop conditions. Markers, labelled above each chart, in black so they never read as a status or a region: fault start and end (solid), health flips (dashed), DNS answer changes (dotted), stop (thick, dark red).</p>\n")
            .Append(HtmlParts.Charts(report, "run")).Append("</section>\n");
        body.Append(CloudWatch(report, "run"));
        body.Append("<section id=\"impact\"><h2>Customer impact</h2>\n").Append(ImpactTable(v.Impact)).Append("</section>\n");
        if (v.Host is { } host)
        {
            body.Append("<section id=\"host\"><h2>Host timing</h2>\n").Append(HostTiming(host)).Append("</section>\n");
        }

        body.Append("<section id=\"timeline\"><h2>Timeline</h2>\n").Append(TimelineTable(v.Timeline)).Append("</section>\n");
        body.Append(Problems(report));
        body.Append(CultureInfo.InvariantCulture, $"<footer>Written by faultline from {E(report.RunId)}/journal.db; charts drawn with uPlot (MIT), inlined.</footer>\n");
        return Page($"{VerdictWord(v.Kind)}: {report.Title} — {report.RunId}", body.ToString(), new Dictionary<string, RunReport>(StringComparer.Ordinal) { ["run"] = report });
    }

    /// <summary>
    /// The run's problems (lapsed leases, a lab that stopped answering, failed reverts), as the verdict lists them, and the journal rows that could not be read back, in one section; nothing when there are none.
    /// </summary>
    private static string Problems(RunReport report)
    {
        var runProblems = report.Verdict.Problems;
        if (runProblems.Count == 0 && report.Problems.Count == 0)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<section id=\"problems\"><h2>Problems</h2><ul>");
        foreach (var problem in runProblems)
        {
            var offset = Core.Runs.RunProblems.Stamp(problem.At - report.Phases.RunStart);
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"problem{(problem.UnderminesVerdict ? " undermines" : string.Empty)}\" data-kind=\"{E(Kebab(problem.Kind.ToString()))}\"><span class=\"kind\">{E(offset)} {E(Kebab(problem.Kind.ToString()))}{(problem.UnderminesVerdict ? ", undermines the verdict" : string.Empty)}</span> {E(problem.Message)}</li>");
        }

        foreach (var skipped in report.Problems)
        {
            html.Append("<li class=\"journal-row\">journal row skipped: ").Append(E(skipped)).Append("</li>");
        }

        return html.Append("</ul></section>\n").ToString();
    }
}
