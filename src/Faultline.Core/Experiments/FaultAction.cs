using Faultline.Core.Faults;

namespace Faultline.Core.Experiments;

/// <summary>Applies a fault to a target for a duration, e.g. <c>{ fault: latency, target: us-functions, delay: 60s, duration: 10m }</c>.</summary>
public sealed record FaultAction : ActionDefinition
{
    /// <summary>The fault kind and its parameters.</summary>
    public required FaultOptions Options { get; init; }

    /// <summary>The named target.</summary>
    public required string Target { get; init; }

    /// <summary>Per-request percentage (0–100). Default 100.</summary>
    public double Percentage { get; init; } = 100;
}
