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

    [Fact]
    public void Render_TwoRunsOfOneExperiment_SameClassnameNamedAfterTheExperiment()
    {
        // CI keys a test's history on classname + name: a run id in it would make every run a new test.
        var first = JUnitReportWriter.Render(ReportBuilder.Build(_journals.Misconfigured("20260101-120000-misconfigured-0001").JournalPath));
        var second = JUnitReportWriter.Render(ReportBuilder.Build(_journals.Misconfigured("20260102-080000-misconfigured-0002").JournalPath));

        var classnames = first.Descendants("testcase").Concat(second.Descendants("testcase")).Select(c => c.Attribute("classname")!.Value).Distinct();

        Assert.Equal(["faultline.misconfigured.experiment"], classnames);
        Assert.Equal(
            first.Descendants("testcase").Select(c => c.Attribute("name")!.Value),
            second.Descendants("testcase").Select(c => c.Attribute("name")!.Value));
    }

    [Theory]
    [InlineData("samples/seed/experiment.yaml", "faultline.seed.experiment")]
    [InlineData("samples/seed/misconfigured/experiment-fis.yaml", "faultline.misconfigured.experiment-fis")]
    [InlineData("/ci/build/checkout/exp/latency.v2.yml", "faultline.exp.latency-v2")]
    public void ClassName_ExperimentPath_FolderAndFileWithoutExtension(string path, string expected) =>
        Assert.Equal(expected, JUnitReportWriter.ClassName(path));

    [Fact]
    public void Render_FailedCheck_MessageStatesMeasuredValueAndThreshold()
    {
        var report = ReportBuilder.Build(_journals.Misconfigured().JournalPath);
        var failed = report.Verdict.Checks.First(c => c.Passed == false);

        var failure = JUnitReportWriter.Render(report).Descendants("testcase")
            .Single(c => c.Attribute("name")!.Value == $"#{failed.Number} {failed.Name}")
            .Element("failure")!;

        Assert.Equal($"measured {failed.Measured}, expected {failed.Expected}", failure.Attribute("message")!.Value);
        Assert.NotNull(failed.Measured);
    }
}
