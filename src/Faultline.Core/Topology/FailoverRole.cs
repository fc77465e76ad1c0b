namespace Faultline.Core.Topology;

/// <summary>The role of a set in a failover record.</summary>
public enum FailoverRole
{
    /// <summary>Answered while healthy.</summary>
    Primary,

    /// <summary>Answered when the primary is unhealthy.</summary>
    Secondary,
}
