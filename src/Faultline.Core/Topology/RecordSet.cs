namespace Faultline.Core.Topology;

/// <summary>One record set of a DNS record: a region's gateway address, with its routing attributes.</summary>
public sealed record RecordSet
{
    /// <summary>The set identifier (Route 53's <c>SetIdentifier</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The region whose gateway address the set answers.</summary>
    public required string Region { get; init; }

    /// <summary>The health check that decides whether the set is healthy; <c>null</c> means always healthy.</summary>
    public string? HealthCheck { get; init; }

    /// <summary>Weight for weighted routing (0–255).</summary>
    public int Weight { get; init; } = 1;

    /// <summary>Role for failover routing.</summary>
    public FailoverRole? Failover { get; init; }

    /// <summary>
    /// When set, the set is an alias to the region's API rather than an A record: its answers carry the target's TTL
    /// (<see cref="AliasTarget.TargetTtl"/>), not the record's. Default <c>null</c>: a plain A record.
    /// </summary>
    public AliasTarget? Alias { get; init; }
}
