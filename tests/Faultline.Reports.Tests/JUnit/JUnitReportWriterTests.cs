using System.Xml.Linq;
using Faultline.Reports.JUnit;

namespace Faultline.Reports.Tests.JUnit;

public sealed class JUnitReportWriterTests : IDisposable
{
    private readonly ReportJournals _journals = new();

    public void Dispose() => _journals.Dispose();

    [Fact]
    public void Write_MisconfiguredRun_OneCasePerCheckWithFailuresForTheFailedOnes()
    {
        var report = ReportBuilder.Build(_journals.Misconfigured().JournalPath);
        var path = Path.Combine(_journals.Root, "junit.xml");

        JUnitReportWriter.Write(report, path);

        var suite = XDocument.Load(path).Root!.Element("testsuite")!;
        Assert.Equal(report.Title, suite.Attribute("name")!.Value);
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(report.Verdict.Checks.Count, cases.Count);
        foreach (var (check, element) in report.Verdict.Checks.Zip(cases))
        {
            Assert.Equal(check.Passed == false, element.Element("failure") is not null);
            Assert.Equal(check.Passed is null, element.Element("skipped") is not null);
        }

        var failure = cases.Select(c => c.Element("failure")).First(f => f is not null)!;
        Assert.Contains("expected", failure.Attribute("message")!.Value, StringComparison.Ordinal);
        var properties = suite.Element("properties")!.Elements("property").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal("refuted", properties["verdict"]);
        Assert.Equal(report.RunId, properties["run-id"]);
        Assert.Equal(cases.Count(c => c.Element("failure") is not null).ToString(System.Globalization.CultureInfo.InvariantCulture), suite.Attribute("failures")!.Value);
    }

    [Fact]
    public void Render_CorrectRun_NoFailures()
    {
        var document = JUnitReportWriter.Render(ReportBuilder.Build(_journals.Correct().JournalPath));

        Assert.Empty(document.Descendants("failure"));
        Assert.NotEmpty(document.Descendants("testcase"));
    }
}
