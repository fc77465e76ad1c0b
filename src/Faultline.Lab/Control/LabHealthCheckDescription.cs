namespace Faultline.Lab.Control;

/// <summary>A health check of a running lab and its status.</summary>
public sealed record LabHealthCheckDescription
{
    /// <summary>The health check id.</summary>
    public required string Id { get; init; }

    /// <summary>Whether it is healthy now.</summary>
    public required bool Healthy { get; init; }

    /// <summary>The share of checkers (0–100) that see the endpoint healthy.</summary>
    public double PercentageHealthy { get; init; }

    /// <summary>The FQDN the check probes.</summary>
    public string? Fqdn { get; init; }
}
