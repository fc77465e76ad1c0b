namespace Faultline.Core.Diagnostics;

/// <summary>How bad a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used; nothing starts.</summary>
    Error,

    /// <summary>The input works but is probably not what was meant (e.g. a health check probing another region).</summary>
    Warning,
}
