using Faultline.Core.Diagnostics;

namespace Faultline.Core.Aws.Fis;

/// <summary>The FIS part of the bundle: its files, or the errors that stop the export, and its warnings.</summary>
/// <param name="Files">The files (empty when there are errors).</param>
/// <param name="Diagnostics">Errors and warnings, each naming the action, target or stop condition.</param>
public sealed record FisExportResult(IReadOnlyList<BundleFile> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
