using Faultline.Reports.Compare;

namespace Faultline.Reports.Tests.Compare;

public sealed class CompareHtmlRendererTests : IDisposable
{
    private readonly ReportJournals _journals = new();

    public void Dispose() => _journals.Dispose();

    [Fact]
    public void Render_TwoRuns_BothVerdictsChangedRowsAndBothChartSets()
    {
        var a = ReportBuilder.Build(_journals.Misconfigured().JournalPath);
        var b = ReportBuilder.Build(_journals.Correct().JournalPath);

        var html = CompareHtmlRenderer.Render(RunComparison.Create(a, b));

        Assert.Contains("A: Refuted", html, StringComparison.Ordinal);
        Assert.Contains("B: Held", html, StringComparison.Ordinal);
        Assert.Contains("class=\"changed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-run=\"a\" data-chart=\"regions\"", html, StringComparison.Ordinal);
        Assert.Contains("data-run=\"b\" data-chart=\"regions\"", html, StringComparison.Ordinal);
        // One row per chart, A's beside B's, so a taller chart above one of them cannot push it below its twin.
        var charts = System.Text.RegularExpressions.Regex.Matches(html, "<figure class=\"chart\" id=\"chart-([ab])-([a-z0-9-]+)\"").Select(m => (Run: m.Groups[1].Value, Chart: m.Groups[2].Value)).ToList();
        Assert.Equal(a.Charts.Count * 2, charts.Count);
        Assert.All(charts.Chunk(2), pair => Assert.Equal([("a", pair[0].Chart), ("b", pair[0].Chart)], pair));
        Assert.Contains(a.RunId, html, StringComparison.Ordinal);
        Assert.Contains(b.RunId, html, StringComparison.Ordinal);
    }
}
