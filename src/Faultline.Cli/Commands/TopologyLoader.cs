using Faultline.Cli.Output;
using Faultline.Core.Diagnostics;
using Faultline.Core.Topology;
using Faultline.Core.Topology.Linting;
using Faultline.Core.Topology.Reading;
using Spectre.Console;

namespace Faultline.Cli.Commands;

/// <summary>Loads a topology for a command: prints every error and warning, then lint findings; <c>null</c> when it has errors.</summary>
internal static class TopologyLoader
{
    /// <summary>Reads, validates and lints; returns the topology and the lint findings, or <c>null</c> on errors.</summary>
    public static (Topology Topology, IReadOnlyList<LintFinding> Findings)? Load(IAnsiConsole console, string path)
    {
        var result = TopologyReader.Load(path);
        if (result.HasErrors || result.Topology is null)
        {
            DiagnosticWriter.Write(console, result.Diagnostics);
            return null;
        }

        var findings = TopologyLinter.Lint(result.Topology, result.SourceMap);
        var warnings = result.Diagnostics.Concat(findings.Select(f => f.ToDiagnostic())).ToList();
        if (warnings.Count > 0)
        {
            DiagnosticWriter.Write(console, warnings);
        }

        return (result.Topology, findings);
    }

    /// <summary>How many diagnostics are errors.</summary>
    public static int Errors(IEnumerable<Diagnostic> diagnostics) => diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
}
