using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.Fis;

/// <summary>What <c>faultline import fis</c> made of a template.</summary>
/// <param name="Yaml">The experiment's YAML, or <c>null</c> when there are errors.</param>
/// <param name="Diagnostics">Errors (each at <c>file:line:column</c> in the template) and warnings.</param>
public sealed record FisImportResult(string? Yaml, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
