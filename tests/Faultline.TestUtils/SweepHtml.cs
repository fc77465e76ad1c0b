using System.Net;
using System.Text.RegularExpressions;

namespace Faultline.TestUtils;

/// <summary>Reads the sweep table back out of a simulated batch's <c>report.html</c>, to compare with summary.csv.</summary>
public static partial class SweepHtml
{
    /// <summary>The sweep table's column keys (<c>data-column</c>, in document order): summary.csv's header.</summary>
    public static IReadOnlyList<string> Columns(string html) =>
        ColumnPattern().Matches(SweepTable(html)).Select(m => WebUtility.HtmlDecode(m.Groups["v"].Value)).ToList();

    /// <summary>Each row of the sweep table: its attributes and cells (the CSV value and the text people read).</summary>
    public static IReadOnlyList<(string Attributes, IReadOnlyList<(string Csv, string Text)> Cells)> Rows(string html) =>
        RowPattern().Matches(SweepTable(html))
            .Select(r => (r.Groups["a"].Value, (IReadOnlyList<(string, string)>)CellPattern().Matches(r.Groups["cells"].Value)
                .Select(c => (WebUtility.HtmlDecode(c.Groups["csv"].Value), WebUtility.HtmlDecode(c.Groups["text"].Value))).ToList()))
            .ToList();

    /// <summary>Splits one line of summary.csv (quoted values may hold commas and doubled quotes).</summary>
    public static IReadOnlyList<string> CsvFields(string line) =>
        CsvPattern().Matches(line).Select(m => m.Groups["q"].Success ? m.Groups["q"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : m.Groups["p"].Value).ToList();

    private static string SweepTable(string html)
    {
        var start = html.IndexOf("<table class=\"sweep\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "no sweep table");
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("data-column=\"(?<v>[^\"]*)\"")]
    private static partial Regex ColumnPattern();

    [GeneratedRegex("""<tr(?<a> class="point[^>]*)>(?<cells>.*?)</tr>""", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("""<td[^>]*data-csv="(?<csv>[^"]*)">(?<text>[^<]*)</td>""")]
    private static partial Regex CellPattern();

    [GeneratedRegex("""(?<=^|,)(?:"(?<q>(?:[^"]|"")*)"|(?<p>[^,]*))""")]
    private static partial Regex CsvPattern();
}
