using System.Text.Json;

namespace Faultline.Reports.Tests;

public sealed class ReportWriterTests : IDisposable
{
    private readonly ReportJournals _journals = new();

    public void Dispose() => _journals.Dispose();

    [Fact]
    public void WriteAll_PartialJournal_WritesAllThreeFilesMarkedPartial()
    {
        var directory = _journals.Misconfigured(complete: false);

        var files = ReportWriter.WriteAll(directory);

        Assert.Contains("class=\"partial-banner\"", File.ReadAllText(files.Html), StringComparison.Ordinal);
        Assert.Contains("name=\"partial\" value=\"true\"", File.ReadAllText(files.JUnit), StringComparison.Ordinal);
        var result = JsonDocument.Parse(File.ReadAllText(files.Result)).RootElement;
        Assert.True(result.GetProperty("partial").GetBoolean());
        Assert.Equal(directory.RunId, result.GetProperty("runId").GetString());
        Assert.Equal(6, result.GetProperty("verdict").GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public void WriteAll_RunWhoseLeaseLapsed_ResultJsonCarriesTheProblem()
    {
        var files = ReportWriter.WriteAll(_journals.LeaseLapsed());

        var verdict = JsonDocument.Parse(File.ReadAllText(files.Result)).RootElement.GetProperty("verdict");
        Assert.Equal("inconclusive", verdict.GetProperty("kind").GetString());
        var problem = Assert.Single(verdict.GetProperty("problems").EnumerateArray());
        Assert.Equal(("lease-lapsed", "f1", true), (problem.GetProperty("kind").GetString(), problem.GetProperty("subject").GetString(), problem.GetProperty("underminesVerdict").GetBoolean()));
    }
}
