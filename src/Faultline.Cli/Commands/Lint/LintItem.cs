using Faultline.Core.Diagnostics;
using Faultline.Core.Planning;
using Faultline.Core.Topology.Linting;

namespace Faultline.Cli.Commands.Lint;

/// <summary>One thing <c>faultline lint</c> reports: the diagnostic it prints, and its stable code when it has one.</summary>
/// <param name="Diagnostic">The line as printed: <c>file:line:column: message [code]; fix</c>.</param>
/// <param name="Code">The stable code of a lint or construction finding; <c>null</c> for a validation error or warning.</param>
/// <param name="Message">What is wrong, without the code.</param>
internal sealed record LintItem(Diagnostic Diagnostic, string? Code, string Message)
{
    /// <summary>A validation error or warning of the readers.</summary>
    public static LintItem Of(Diagnostic diagnostic) => new(diagnostic, null, diagnostic.Message);

    /// <summary>A topology lint finding.</summary>
    public static LintItem Of(LintFinding finding) => new(finding.ToDiagnostic(), finding.Code, finding.Message);

    /// <summary>A check that cannot pass (or may not) by construction.</summary>
    public static LintItem Of(ConstructionFinding finding) => new(finding.ToDiagnostic(), finding.Code, finding.Message);
}
