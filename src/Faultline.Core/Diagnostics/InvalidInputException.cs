namespace Faultline.Core.Diagnostics;

/// <summary>Thrown when user input has errors; carries every diagnostic found, not just the first.</summary>
public sealed class InvalidInputException : Exception
{
    /// <summary>Creates the exception from the diagnostics found.</summary>
    public InvalidInputException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Format(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InvalidInputException(string message)
        : this([Diagnostic.Error(null, message, null)])
    {
    }

    /// <summary>Creates the exception (serialization-style constructor, not used).</summary>
    public InvalidInputException()
        : this("The input is invalid.")
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [Diagnostic.Error(null, message, null)];
    }

    /// <summary>Every diagnostic found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Format(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        return $"{errors} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}";
    }
}
