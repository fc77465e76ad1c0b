namespace Faultline.Core.Runs;

/// <summary>
/// The share of checkers that see a health check healthy changed (one checker's view flipped), whether or not the
/// check itself flipped: the <c>HealthCheckPercentageHealthy</c> metric, as the dashboard and the report chart it.
/// </summary>
public sealed record HealthShareChanged : RunEvent
{
    /// <summary>The health check id.</summary>
    public required string HealthCheck { get; init; }

    /// <summary>The share of checkers (0–100) that see it healthy now.</summary>
    public required double PercentageHealthy { get; init; }
}
