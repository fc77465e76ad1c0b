namespace Faultline.Lab.Control;

/// <summary>What <c>GET /v1/lab</c> answers: the topology's name, its regions' gateways, the DNS endpoint and health.</summary>
public sealed record LabDescription
{
    /// <summary>The topology's name.</summary>
    public required string Name { get; init; }

    /// <summary>The regions with their gateway URLs.</summary>
    public required IReadOnlyList<LabRegionDescription> Regions { get; init; }

    /// <summary>The DNS server's endpoint (<c>127.0.0.1:PORT</c>), or <c>null</c> when it is not running.</summary>
    public string? DnsEndpoint { get; init; }

    /// <summary>The health checks and their status now. Default none.</summary>
    public IReadOnlyList<LabHealthCheckDescription> HealthChecks { get; init; } = [];

    /// <summary>The DNS server's port on 127.0.0.1.</summary>
    public int? DnsPort { get; init; }

    /// <summary>The port every region's gateway listens on.</summary>
    public int? HttpPort { get; init; }

    /// <summary>Lab seconds per wall second.</summary>
    public double? TimeScale { get; init; }

    /// <summary>The seed of the lab's random source.</summary>
    public int? Seed { get; init; }

    /// <summary>The lab's clock (lab time).</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>The fault control API's URL.</summary>
    public Uri? ControlUrl { get; init; }
}
