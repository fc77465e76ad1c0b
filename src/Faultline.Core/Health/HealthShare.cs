namespace Faultline.Core.Health;

/// <summary>The share of a health check's checkers that see it healthy changed.</summary>
/// <param name="CheckId">The health check id.</param>
/// <param name="PercentageHealthy">The share (0–100) now.</param>
/// <param name="At">When it changed (lab time).</param>
public sealed record HealthShare(string CheckId, double PercentageHealthy, DateTimeOffset At);
