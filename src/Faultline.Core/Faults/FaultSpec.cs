namespace Faultline.Core.Faults;

/// <summary>A fault as asked for: kind-specific options, a target, and the per-request percentage.</summary>
public sealed record FaultSpec
{
    /// <summary>The kind and its parameters.</summary>
    public required FaultOptions Options { get; init; }

    /// <summary>What the fault acts on.</summary>
    public required FaultTarget Target { get; init; }

    /// <summary>
    /// The share of requests (0–100) affected, drawn per request from the run's seeded random source.
    /// Default 100. Ignored by <c>throttle</c> and <c>health-override</c>.
    /// </summary>
    public double Percentage { get; init; } = 100;

    /// <summary>The kind, from the options.</summary>
    public FaultKind Kind => Options.Kind;
}
