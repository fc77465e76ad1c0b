namespace Faultline.Reports;

/// <summary>The files <see cref="ReportWriter.WriteAll(Core.Journal.RunDirectory)"/> wrote.</summary>
/// <param name="Html">The self-contained HTML report.</param>
/// <param name="JUnit">The JUnit XML (one test case per check).</param>
/// <param name="Result">The <c>result.json</c>.</param>
/// <param name="Report">The report they were rendered from.</param>
public sealed record ReportFiles(string Html, string JUnit, string Result, RunReport Report);
