namespace Faultline.Core.Health;

/// <summary>A health check's status changed (for the run journal and the dashboard).</summary>
/// <param name="CheckId">The health check id.</param>
/// <param name="Healthy">The new status.</param>
/// <param name="At">When it changed (lab time).</param>
/// <param name="PercentageHealthy">The share of checkers (0–100) reporting healthy at that moment.</param>
public sealed record HealthTransition(string CheckId, bool Healthy, DateTimeOffset At, double PercentageHealthy);
