using System.Globalization;
using System.Xml.Linq;
using Faultline.Core.Checks;
using Faultline.Core.Files;

namespace Faultline.Reports.JUnit;

/// <summary>
/// Renders a run's checks as JUnit XML, so CI systems show checks as tests: one <c>testcase</c> per check, a
/// <c>failure</c> (measured vs expected) for a failed one, <c>skipped</c> only for one that could not be decided.
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
            new XAttribute("classname", $"faultline.{report.RunId}"),
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

    private static XElement Property(string name, string value) => new("property", new XAttribute("name", name), new XAttribute("value", value));

    private static string Kebab(string pascal) => string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
