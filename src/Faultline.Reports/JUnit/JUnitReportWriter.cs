using System.Globalization;
using System.Xml.Linq;
using Faultline.Core.Checks;
using Faultline.Core.Files;

namespace Faultline.Reports.JUnit;

/// <summary>
/// Renders a run's checks as JUnit XML, so CI systems show checks as tests: one <c>testcase</c> per check, a
/// <c>failure</c> whose message states the measured value and the threshold (<c>measured 0.2%, expected &gt;= 99%</c>) for a
/// failed one, <c>skipped</c> only for one that could not be decided. Every case's <c>classname</c> names the experiment
/// (<see cref="ClassName"/>), not the run, so CI keeps the checks' history.
/// </summary>
public static class JUnitReportWriter
{
    /// <summary>The JUnit document: one suite named after the experiment, with the run id and verdict as properties.</summary>
    public static XDocument Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var checks = report.Verdict.Checks;
        var failures = checks.Count(c => c.Passed == false);
        var skipped = checks.Count(c => c.Passed is null);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", report.Title),
            new XAttribute("tests", checks.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            new XAttribute("timestamp", report.Header.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement(
                "properties",
                Property("run-id", report.RunId),
                Property("verdict", Kebab(report.Verdict.Kind.ToString())),
                Property("final-state", Kebab(report.FinalState.ToString())),
                Property("partial", report.Partial ? "true" : "false"),
                Property("experiment", report.Header.ExperimentPath),
                Property("seed", report.Header.Seed.ToString(CultureInfo.InvariantCulture))),
            checks.Select(c => Case(report, c)));
        if (report.Partial)
        {
            suite.Add(new XElement("system-out", "partial — the run did not finish; the evidence ends early."));
        }

        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", "faultline"),
                new XAttribute("tests", checks.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", 0),
                new XAttribute("skipped", skipped),
                suite));
    }

    /// <summary>Writes the document to <paramref name="path"/> (UTF-8, indented).</summary>
    public static void Write(RunReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var document = Render(report);
        AtomicFile.WriteAllText(path, $"{document.Declaration}\n{document.Root}\n");
    }

    private static XElement Case(RunReport report, CheckResult check)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", ClassName(report.Header.ExperimentPath)),
            new XAttribute("name", $"#{check.Number} {check.Name}"),
            new XAttribute("time", "0"),
            new XElement(
                "properties",
                Property("kind", Kebab(check.Kind.ToString())),
                Property("window", check.Window),
                Property("expected", check.Expected),
                Property("measured", check.Measured ?? "nothing measured")));
        switch (check.Passed)
        {
            case false:
                element.Add(new XElement(
                    "failure",
                    new XAttribute("message", $"measured {check.Measured ?? "nothing"}, expected {check.Expected}"),
                    new XAttribute("type", check.IsSteadyState ? "steady-state-not-met" : "check-failed"),
                    $"{check.Explanation}\nwindow: {check.Window}"));
                break;
            case null:
                element.Add(new XElement("skipped", new XAttribute("message", $"could not be decided: {check.Explanation}")));
                break;
            default:
                element.Add(new XElement("system-out", check.Explanation));
                break;
        }

        return element;
    }

    /// <summary>
    /// The test cases' <c>classname</c>: <c>faultline.</c> + the experiment file's folder and name without extension, e.g.
    /// <c>faultline.misconfigured.experiment</c> for <c>samples/seed/misconfigured/experiment.yaml</c>. It names the
    /// experiment, not the run, so CI keeps each check's history from run to run; the folder tells the seed's
    /// <c>experiment.yaml</c> from its <c>misconfigured/experiment.yaml</c>, and it does not depend on where the checkout
    /// lives. Characters other than letters, digits, <c>_</c> and <c>-</c> become <c>-</c>, so a dotted file name adds no level.
    /// </summary>
    public static string ClassName(string experimentPath)
    {
        ArgumentNullException.ThrowIfNull(experimentPath);
        var full = experimentPath.Length == 0 ? string.Empty : Path.GetFullPath(experimentPath);
        var folder = Path.GetFileName(Path.GetDirectoryName(full)) ?? string.Empty;
        var name = Path.GetFileNameWithoutExtension(full);
        return string.Join('.', new[] { "faultline", Slug(folder), Slug(name) }.Where(p => p.Length > 0));
    }

    private static string Slug(string text) => string.Concat(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-'));

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Kebab(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
