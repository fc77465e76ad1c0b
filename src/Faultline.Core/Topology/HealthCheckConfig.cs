namespace Faultline.Core.Topology;

/// <summary>A Route 53-style health check: a fleet of checkers probing the check's own FQDN.</summary>
public sealed record HealthCheckConfig
{
    /// <summary>Route 53's default request interval: 30 s.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(30);

    /// <summary>Route 53's default failure threshold: 3.</summary>
    public const int DefaultFailureThreshold = 3;

    /// <summary>How many checkers the lab runs per health check by default.</summary>
    public const int DefaultCheckers = 16;

    /// <summary>The health check id, e.g. <c>hc-us</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The check type.</summary>
    public HealthCheckType Type { get; init; } = HealthCheckType.Https;

    /// <summary>The domain name probed (resolved through the lab DNS from each checker's location), normalized.</summary>
    public required string Fqdn { get; init; }

    /// <summary>The port probed; <c>null</c> means the lab's gateway port.</summary>
    public int? Port { get; init; }

    /// <summary>The resource path probed, e.g. <c>/api/health</c>.</summary>
    public string Path { get; init; } = "/";

    /// <summary>The request interval: 10 or 30 s.</summary>
    public TimeSpan Interval { get; init; } = DefaultInterval;

    /// <summary>Consecutive results needed to flip a checker's view: 1–10.</summary>
    public int FailureThreshold { get; init; } = DefaultFailureThreshold;

    /// <summary>The string searched for by the <c>*_STR_MATCH</c> types.</summary>
    public string? SearchString { get; init; }

    /// <summary>How many checkers probe the endpoint.</summary>
    public int Checkers { get; init; } = DefaultCheckers;

    /// <summary>The locations checkers are spread over; empty means every location of the topology.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>Whether the status is inverted.</summary>
    public bool Inverted { get; init; }

    /// <summary>A disabled check is always healthy.</summary>
    public bool Disabled { get; init; }
}
