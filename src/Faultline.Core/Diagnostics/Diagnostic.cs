namespace Faultline.Core.Diagnostics;

/// <summary>
/// One problem found in user input, with where it is, what is wrong and how to fix it. Rendered as
/// <c>file:line:column: message; fix</c>.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, SourceLocation? Location, string Message, string? Fix)
{
    /// <summary>Creates an error.</summary>
    public static Diagnostic Error(SourceLocation? location, string message, string? fix) => new(DiagnosticSeverity.Error, location, message, fix);

    /// <summary>Creates a warning.</summary>
    public static Diagnostic Warning(SourceLocation? location, string message, string? fix) => new(DiagnosticSeverity.Warning, location, message, fix);

    /// <inheritdoc />
    public override string ToString()
    {
        var where = Location is null ? string.Empty : $"{Location}: ";
        var kind = Severity == DiagnosticSeverity.Warning ? "warning: " : string.Empty;
        var fix = string.IsNullOrEmpty(Fix) ? string.Empty : $"; {Fix}";
        return $"{where}{kind}{Message}{fix}";
    }
}
