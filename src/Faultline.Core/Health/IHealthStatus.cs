namespace Faultline.Core.Health;

/// <summary>Health of checks as DNS sees it. The lab and the simulator both answer through <see cref="HealthRegistry"/>.</summary>
public interface IHealthStatus
{
    /// <summary>Whether the check is healthy as DNS should see it now. Unknown ids are healthy (like a set without a check).</summary>
    bool IsHealthy(string checkId);
}
