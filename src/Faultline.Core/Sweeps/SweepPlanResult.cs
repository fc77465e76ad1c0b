using Faultline.Core.Diagnostics;

namespace Faultline.Core.Sweeps;

/// <summary>The outcome of parsing <c>--set</c> arguments: the plan when they are well-formed, and every problem found.</summary>
public sealed class SweepPlanResult
{
    /// <summary>Creates a result.</summary>
    public SweepPlanResult(SweepPlan? plan, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Diagnostics = diagnostics;
        Plan = HasErrors ? null : plan;
    }

    /// <summary>The plan, or <c>null</c> when any argument is malformed.</summary>
    public SweepPlan? Plan { get; }

    /// <summary>Every problem, in the order of the arguments.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The plan; throws <see cref="InvalidInputException"/> carrying every diagnostic when there are errors.</summary>
    public SweepPlan ThrowIfInvalid() => Plan ?? throw new InvalidInputException(Diagnostics);
}
