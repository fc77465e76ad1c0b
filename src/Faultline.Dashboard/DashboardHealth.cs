namespace Faultline.Dashboard;

/// <summary>A health check's status.</summary>
/// <param name="Id">The health check's id.</param>
/// <param name="Healthy">Whether Route 53 would call it healthy now.</param>
/// <param name="PercentageHealthy">The share (0–100) of checkers that see it healthy, when known.</param>
public sealed record DashboardHealth(string Id, bool Healthy, double? PercentageHealthy);
