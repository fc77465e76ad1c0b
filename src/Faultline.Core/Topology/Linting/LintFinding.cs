using Faultline.Core.Diagnostics;

namespace Faultline.Core.Topology.Linting;

/// <summary>
/// One finding of the topology linter, as data: a stable <see cref="Code"/> (see <see cref="LintCodes"/>),
/// the ids involved, and where it was written, so run diagnosis can match it to what a run observed.
/// </summary>
public sealed record LintFinding
{
    /// <summary>The stable code, e.g. <c>health-check-probes-other-region</c>.</summary>
    public required string Code { get; init; }

    /// <summary>How bad it is. Default <see cref="DiagnosticSeverity.Warning"/>: the topology works, probably not as meant.</summary>
    public DiagnosticSeverity Severity { get; init; } = DiagnosticSeverity.Warning;

    /// <summary>What is wrong, in one sentence.</summary>
    public required string Message { get; init; }

    /// <summary>How to fix it.</summary>
    public required string Fix { get; init; }

    /// <summary>The health check involved, if any.</summary>
    public string? HealthCheck { get; init; }

    /// <summary>The DNS record involved (normalized name), if any.</summary>
    public string? Record { get; init; }

    /// <summary>The record set involved, if any.</summary>
    public string? SetId { get; init; }

    /// <summary>The region the health check guards (the set's region), if any.</summary>
    public string? Region { get; init; }

    /// <summary>The regions the health check's FQDN resolves to from its checkers; empty when not relevant.</summary>
    public IReadOnlyList<string> ProbedRegions { get; init; } = [];

    /// <summary>Where the offending value was written, or <c>null</c> for a topology built in code.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The finding as a diagnostic: <c>file:line:column: warning: message [code]; fix</c>.</summary>
    public Diagnostic ToDiagnostic() => new(Severity, Location, $"{Message} [{Code}]", Fix);
}
