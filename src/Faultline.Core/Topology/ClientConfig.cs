namespace Faultline.Core.Topology;

/// <summary>A population of customers at one location sending open-model load at one URL.</summary>
public sealed record ClientConfig
{
    /// <summary>The population's name, e.g. <c>us-customers</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The location the customers send from.</summary>
    public required string Location { get; init; }

    /// <summary>The URL requested. <c>https://</c> is accepted and means the same endpoint.</summary>
    public required Uri Url { get; init; }

    /// <summary>Arrival rate in requests per lab second.</summary>
    public required double RatePerSecond { get; init; }

    /// <summary>Whether connections are kept alive between requests (delays failover, as in the real world).</summary>
    public ConnectionReuse ConnectionReuse { get; init; } = ConnectionReuse.KeepAlive;

    /// <summary>
    /// The most TCP connections the population holds open at once; requests beyond them wait for a free
    /// connection (their wait counts in their latency and against their timeout). Default <c>null</c>: sized
    /// for the rate by the load generator (enough for every request of a stalled server to have its own,
    /// capped at 1,024). Between 1 and <see cref="MaxMaxConnections"/> when set.
    /// </summary>
    public int? MaxConnections { get; init; }

    /// <summary>The largest <see cref="MaxConnections"/> a topology may set: 10,000.</summary>
    public const int MaxMaxConnections = 10_000;
}
