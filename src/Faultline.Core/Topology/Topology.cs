namespace Faultline.Core.Topology;

/// <summary>
/// The system under test: regions with their gateways and functions, DNS records, health checks,
/// client populations and the network latencies between locations and regions. Immutable; produced by
/// the topology reader and only ever valid when it comes from there.
/// </summary>
public sealed record Topology
{
    /// <summary>The topology's name (used in output only).</summary>
    public required string Name { get; init; }

    /// <summary>Lab seconds per wall second, when the topology sets one; an experiment or the command line may override it.</summary>
    public double? TimeScale { get; init; }

    /// <summary>
    /// Where customers and health checkers sit, in file order. The k-th entry (1-based) owns
    /// <c>127.0.k.0/24</c> on the lab. Every region is also a location.
    /// </summary>
    public required IReadOnlyList<string> Locations { get; init; }

    /// <summary>One-way network latency from a location to a region.</summary>
    public required LatencyMatrix Latency { get; init; }

    /// <summary>Regions by name, in file order.</summary>
    public required IReadOnlyList<Region> Regions { get; init; }

    /// <summary>The hosted zone and its records.</summary>
    public required DnsConfig Dns { get; init; }

    /// <summary>Route 53-style health checks, in file order.</summary>
    public required IReadOnlyList<HealthCheckConfig> HealthChecks { get; init; }

    /// <summary>Customer populations, in file order.</summary>
    public required IReadOnlyList<ClientConfig> Clients { get; init; }

    /// <summary>Where the topology was read from (for messages), or <c>null</c> when built in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Finds a region by name.</summary>
    public Region? FindRegion(string name) => Regions.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));

    /// <summary>Finds a health check by id.</summary>
    public HealthCheckConfig? FindHealthCheck(string id) => HealthChecks.FirstOrDefault(h => string.Equals(h.Id, id, StringComparison.Ordinal));

    /// <summary>Every function of every region.</summary>
    public IEnumerable<FunctionConfig> AllFunctions => Regions.SelectMany(r => r.Functions);
}
