namespace Faultline.Core.Experiments;

/// <summary>
/// A health check must turn a given way within a time of the window's start, e.g.
/// <c>{ healthCheck: hc-us, becomes: unhealthy, within: 3m }</c> (window default: the fault phase).
/// </summary>
public sealed record HealthTransitionCheck : CheckDefinition
{
    /// <summary>The health check id.</summary>
    public required string HealthCheck { get; init; }

    /// <summary>The status it must reach: <c>true</c> healthy, <c>false</c> unhealthy.</summary>
    public required bool BecomesHealthy { get; init; }

    /// <summary>How long after the window's start it may take.</summary>
    public required TimeSpan Within { get; init; }
}
