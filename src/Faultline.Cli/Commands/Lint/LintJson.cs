using System.Text.Json.Nodes;
using Faultline.Core.Diagnostics;

namespace Faultline.Cli.Commands.Lint;

/// <summary>
/// The document <c>faultline lint --output json</c> prints (docs/observing.md, "Machine-readable output"): the file,
/// what it is, the counts, and every finding with its place, severity, code, message and fix.
/// </summary>
internal static class LintJson
{
    /// <summary>The document for <paramref name="items"/> found in <paramref name="file"/>, a <paramref name="kind"/> (<c>topology</c> or <c>experiment</c>).</summary>
    public static JsonObject Document(string file, string kind, IReadOnlyList<LintItem> items)
    {
        var errors = items.Count(i => i.Diagnostic.Severity == DiagnosticSeverity.Error);
        var findings = new JsonArray();
        foreach (var item in items.OrderBy(i => i.Diagnostic.Severity))
        {
            findings.Add(Finding(item.Diagnostic.Location, item.Diagnostic.Severity, item.Code, item.Message, item.Diagnostic.Fix));
        }

        return new JsonObject
        {
            ["file"] = file,
            ["kind"] = kind,
            ["errors"] = errors,
            ["warnings"] = items.Count - errors,
            ["findings"] = findings,
        };
    }

    /// <summary>One finding: <c>file</c>, <c>line</c>, <c>column</c> (<c>null</c> when it has no place), <c>severity</c>, <c>code</c>, <c>message</c>, <c>fix</c>.</summary>
    public static JsonObject Finding(SourceLocation? location, DiagnosticSeverity severity, string? code, string message, string? fix) => new()
    {
        ["file"] = location?.File,
        ["line"] = location?.Line,
        ["column"] = location?.Column,
        ["severity"] = severity == DiagnosticSeverity.Error ? "error" : "warning",
        ["code"] = code,
        ["message"] = message,
        ["fix"] = fix,
    };
}
