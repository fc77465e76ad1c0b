namespace Faultline.Core.Experiments;

/// <summary>The kind of resource a target selects.</summary>
public enum TargetType
{
    /// <summary>Functions (by region, name, route, tags).</summary>
    Function,

    /// <summary>A region's gateway (network faults).</summary>
    Region,

    /// <summary>A DNS record (dns faults).</summary>
    Record,

    /// <summary>A health check (health-override).</summary>
    HealthCheck,
}
