using Faultline.Core.Files;
using Faultline.Core.Journal;
using Faultline.Core.Results;
using Faultline.Reports.Html;
using Faultline.Reports.JUnit;

namespace Faultline.Reports;

/// <summary>Writes a run's report files into its folder: <c>report.html</c>, <c>junit.xml</c> and <c>result.json</c>.</summary>
public static class ReportWriter
{
    /// <summary>
    /// Reads the run's journal (complete or partial) and writes the three files. Call it after the journal is
    /// completed; on a killed run's journal it writes a report marked partial.
    /// </summary>
    public static ReportFiles WriteAll(RunDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return WriteAll(directory, RunJournalReader.Open(directory.JournalPath));
    }

    /// <summary>Writes the three files from journal contents already read.</summary>
    public static ReportFiles WriteAll(RunDirectory directory, RunJournalContents contents)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(contents);
        return WriteAll(directory, ReportBuilder.Build(contents));
    }

    /// <summary>Writes the three files from a report already built.</summary>
    public static ReportFiles WriteAll(RunDirectory directory, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.WriteAllText(directory.ReportPath, HtmlReportRenderer.Render(report));
        JUnitReportWriter.Write(report, directory.JUnitPath);
        ResultJson.Write(directory.ResultPath, RunResult.Create(report.Header, report.Phases.RunStart, report.FinalState, report.Partial, report.Verdict));
        return new ReportFiles(directory.ReportPath, directory.JUnitPath, directory.ResultPath, report);
    }
}
