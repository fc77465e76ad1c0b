namespace Faultline.Core.Topology;

/// <summary>Route 53 routing policies the lab implements.</summary>
public enum RoutingPolicy
{
    /// <summary>One set, always answered.</summary>
    Simple,

    /// <summary>Among healthy sets, the region with the lowest latency from the querier's location.</summary>
    Latency,

    /// <summary>Primary if healthy, else secondary.</summary>
    Failover,

    /// <summary>By weight among healthy sets.</summary>
    Weighted,
}
