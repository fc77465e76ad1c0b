namespace Faultline.Core.Experiments;

/// <summary>The time a check looks at: between two phase edges (lab time).</summary>
public sealed record CheckWindow(PhaseEdge From, PhaseEdge To)
{
    /// <summary>A whole phase (<c>during: fault</c>).</summary>
    public static CheckWindow During(Phase phase) => new(new PhaseEdge(phase, PhaseEdgeKind.Start, TimeSpan.Zero), new PhaseEdge(phase, PhaseEdgeKind.End, TimeSpan.Zero));

    /// <summary>Whether the window is exactly the baseline phase: such checks are the steady state, evaluated before any fault.</summary>
    public bool IsBaseline => this == During(Phase.Baseline);

    /// <inheritdoc />
    public override string ToString() =>
        From.Phase == To.Phase && From.Edge == PhaseEdgeKind.Start && To.Edge == PhaseEdgeKind.End && From.Offset == TimeSpan.Zero && To.Offset == TimeSpan.Zero
            ? From.Phase.ToString().ToLowerInvariant()
            : $"{From} .. {To}";
}
