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
        Assert.Contains(a.RunId, html, StringComparison.Ordinal);
        Assert.Contains(b.RunId, html, StringComparison.Ordinal);
    }
}
