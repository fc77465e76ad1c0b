using Faultline.Core.Diagnostics;
using Spectre.Console;

namespace Faultline.Cli.Output;

/// <summary>Writes diagnostics the same way for every command: <c>file:line:column: message; fix</c>, errors first.</summary>
internal static class DiagnosticWriter
{
    /// <summary>Writes every diagnostic, then a one-line count.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Severity))
        {
            var color = diagnostic.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
            console.MarkupLine($"[{color}]{Markup.Escape(diagnostic.ToString())}[/]");
        }

        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count - errors;
        if (errors > 0)
        {
            console.MarkupLine($"[red]{errors} error(s), {warnings} warning(s): nothing was started.[/]");
        }
    }
}
