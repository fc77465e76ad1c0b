using System.Text;
using Faultline.Core.Verdict;
using static Faultline.Reports.Html.HtmlParts;

namespace Faultline.Dashboard;

/// <summary>The verdict as the report shows it (same markup, same styles): verdict, diagnosis, checks, impact, timeline.</summary>
internal static class DashboardVerdictHtml
{
    public static string Render(RunVerdict verdict)
    {
        var kind = Kebab(verdict.Kind.ToString());
        var html = new StringBuilder();
        html.Append("<section class=\"verdict verdict-").Append(kind).Append("\" id=\"verdict\" data-verdict=\"").Append(kind).Append("\">")
            .Append("<div class=\"verdict-kind\">").Append(E(VerdictWord(verdict.Kind))).Append("</div>")
            .Append("<p class=\"summary\">").Append(E(verdict.Summary)).Append("</p></section>\n");
        if (verdict.Diagnosis.Count > 0)
        {
            html.Append("<h2>Diagnosis</h2>\n").Append(Diagnosis(verdict.Diagnosis));
        }

        html.Append("<h2>Checks</h2>\n").Append(ChecksTable(verdict.Checks));
        html.Append("<h2>Customer impact</h2>\n").Append(ImpactTable(verdict.Impact));
        html.Append("<h2>Timeline</h2>\n").Append(TimelineTable(verdict.Timeline));
        return html.ToString();
    }
}
