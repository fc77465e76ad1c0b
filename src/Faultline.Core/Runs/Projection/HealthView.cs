namespace Faultline.Core.Runs.Projection;

/// <summary>A health check now.</summary>
/// <param name="Id">The health check id.</param>
/// <param name="Healthy">Its status.</param>
/// <param name="PercentageHealthy">The share of checkers (0–100) that see it healthy.</param>
/// <param name="Since">When it last flipped (lab time); <c>null</c> when it never did during the run.</param>
public sealed record HealthView(string Id, bool Healthy, double PercentageHealthy, DateTimeOffset? Since);
