namespace Faultline.Core.Runs;

/// <summary>
/// A health check's probes from a location started reaching another address: where its FQDN resolved, and
/// the region behind it. The evidence for "hc-us probes api.eu-west-1.example.test, which is eu-west-1".
/// </summary>
public sealed record HealthProbeTargetChanged : RunEvent
{
    /// <summary>The health check id.</summary>
    public required string HealthCheck { get; init; }

    /// <summary>The FQDN probed.</summary>
    public required string Fqdn { get; init; }

    /// <summary>The checker location.</summary>
    public required string Location { get; init; }

    /// <summary>The address the FQDN resolved to, or <c>null</c> when resolution failed.</summary>
    public string? Address { get; init; }

    /// <summary>The region whose gateway has that address, or <c>null</c>.</summary>
    public string? Region { get; init; }
}
