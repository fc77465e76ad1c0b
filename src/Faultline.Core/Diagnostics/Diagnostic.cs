using Faultline.Core.Text;

namespace Faultline.Core.Diagnostics;

/// <summary>
/// One problem found in user input, with where it is, what is wrong and how to fix it. Rendered as
/// <c>file:line:column: message; fix</c>. Message and fix are made safe to print where they are set
/// (<see cref="Echo.Message"/>): whatever a builder echoed, no control character reaches the terminal.
/// </summary>
public sealed record Diagnostic(DiagnosticSeverity Severity, SourceLocation? Location, string Message, string? Fix)
{
    private readonly string _message = Echo.Message(Message);
    private readonly string? _fix = Fix is null ? null : Echo.Message(Fix);

    /// <summary>What is wrong: control characters replaced, at most <see cref="Echo.MaxMessageLength"/> characters.</summary>
    public string Message { get => _message; init => _message = Echo.Message(value); }

    /// <summary>How to fix it, made safe the same way; <c>null</c> when there is nothing to say.</summary>
    public string? Fix { get => _fix; init => _fix = value is null ? null : Echo.Message(value); }

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
