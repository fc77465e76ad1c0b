using Faultline.Core.Diagnostics;

namespace Faultline.Core.Planning;

/// <summary>
/// One finding of <see cref="ConstructionChecks"/>: a check (or stop condition) that cannot pass — an error — or
/// that may not, depending on chance — a warning — by the arithmetic of the experiment and its topology.
/// </summary>
public sealed record ConstructionFinding
{
    /// <summary>The stable code (see <see cref="ConstructionCodes"/>).</summary>
    public required string Code { get; init; }

    /// <summary>Error: it cannot pass (or fire); warning: it may not.</summary>
    public required DiagnosticSeverity Severity { get; init; }

    /// <summary>What is wrong, with the arithmetic.</summary>
    public required string Message { get; init; }

    /// <summary>How to fix it.</summary>
    public required string Fix { get; init; }

    /// <summary>The check or stop condition's name.</summary>
    public required string Subject { get; init; }

    /// <summary>Where the offending value is written in the experiment file, or <c>null</c> for an experiment built in code.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The finding as a diagnostic: <c>file:line:column: [warning: ]message [code]; fix</c>.</summary>
    public Diagnostic ToDiagnostic() => new(Severity, Location, $"{Message} [{Code}]", Fix);
}
