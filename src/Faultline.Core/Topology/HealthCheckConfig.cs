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

    /// <summary>
    /// The Route 53 checker regions (<see cref="Health.CheckerRegions"/>) written in the topology, at least three;
    /// empty (the default) means Route 53's default, every checker region. See <see cref="ProbeRegions"/>.
    /// </summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The checker regions the checkers are spread over: <see cref="Regions"/>, or every checker region when it is empty.</summary>
    public IReadOnlyList<string> ProbeRegions => Regions.Count > 0 ? Regions : Health.CheckerRegions.Default;

    /// <summary>Whether the status is inverted.</summary>
    public bool Inverted { get; init; }

    /// <summary>A disabled check is always healthy.</summary>
    public bool Disabled { get; init; }
}
