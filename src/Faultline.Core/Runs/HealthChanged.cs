namespace Faultline.Core.Runs;

/// <summary>A health check flipped.</summary>
public sealed record HealthChanged : RunEvent
{
    /// <summary>The health check id.</summary>
    public required string HealthCheck { get; init; }

    /// <summary>Whether it is healthy now.</summary>
    public required bool Healthy { get; init; }

    /// <summary>The share of checkers (0–100) that see it healthy.</summary>
    public double PercentageHealthy { get; init; }
}
