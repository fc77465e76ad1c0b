namespace Faultline.Core.Faults.HealthOverride;

/// <summary>The status a <c>health-override</c> fault forces.</summary>
public enum HealthOverrideStatus
{
    /// <summary>Forced unhealthy.</summary>
    Unhealthy,

    /// <summary>Forced healthy.</summary>
    Healthy,
}
