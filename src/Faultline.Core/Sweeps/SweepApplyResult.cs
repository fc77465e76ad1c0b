using Faultline.Core.Diagnostics;

namespace Faultline.Core.Sweeps;

/// <summary>Every point of a sweep applied, or every problem found on the way: check all before running any.</summary>
public sealed class SweepApplyResult
{
    /// <summary>Creates a result.</summary>
    public SweepApplyResult(IReadOnlyList<SweepApplication> applications, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(applications);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Applications = applications;
        Diagnostics = diagnostics;
    }

    /// <summary>One application per point, in sweep order; empty when the files or a path are wrong.</summary>
    public IReadOnlyList<SweepApplication> Applications { get; }

    /// <summary>Every distinct problem: the files', the paths', then each point's, in sweep order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The applications; throws <see cref="InvalidInputException"/> carrying every diagnostic when there are errors.</summary>
    public IReadOnlyList<SweepApplication> ThrowIfInvalid() => HasErrors ? throw new InvalidInputException(Diagnostics) : Applications;
}
