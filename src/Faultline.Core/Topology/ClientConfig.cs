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
}
