namespace Faultline.Core.Faults;

/// <summary>What a fault kind acts on; decides how its target is matched and which stage of the lab honours it.</summary>
public enum FaultScope
{
    /// <summary>Functions, matched by region, name, route and tags; the function runtime injects the fault.</summary>
    Functions,

    /// <summary>A region's gateway, optionally only from some locations; the gateway's network policy injects it.</summary>
    Region,

    /// <summary>A DNS record; the lab DNS's zone answerer injects it.</summary>
    Record,

    /// <summary>A health check; the health registry honours it, and the lab re-evaluates health at once when it changes.</summary>
    HealthCheck,
}
