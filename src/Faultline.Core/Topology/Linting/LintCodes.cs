namespace Faultline.Core.Topology.Linting;

/// <summary>The stable codes of lint findings. They are API: run diagnosis and users' suppressions refer to them.</summary>
public static class LintCodes
{
    /// <summary>A health check guarding a set of one region probes a name served by another region (the blog's bug).</summary>
    public const string HealthCheckProbesOtherRegion = "health-check-probes-other-region";

    /// <summary>A health check probes the very record it is attached to; AWS calls the result "unpredictable".</summary>
    public const string HealthCheckProbesOwnRecord = "health-check-probes-own-record";

    /// <summary>A health check's path matches no function route in the region it guards.</summary>
    public const string HealthCheckPathUnrouted = "health-check-path-unrouted";

    /// <summary>A record with health-checked sets has a TTL above the 60 s AWS recommends.</summary>
    public const string TtlAbove60sWithHealthCheck = "ttl-above-60s-with-health-check";

    /// <summary>A health check attached to no record set.</summary>
    public const string HealthCheckUnused = "health-check-unused";

    /// <summary>A record set routes its name to a region whose gateway declares custom domains but not that name: every request routed there gets 403.</summary>
    public const string CustomDomainMissing = "custom-domain-missing";

    /// <summary>A client requests a path that no base path mapping of its host's custom domain covers in a region the host routes to.</summary>
    public const string BasePathUnmapped = "base-path-unmapped";

    /// <summary>
    /// A routed set is an alias with evaluateTargetHealth and no health check: for an API Gateway target Route 53 sees
    /// only the service's availability, so the record never fails over on a Lambda outage.
    /// </summary>
    public const string AliasTargetHealthOnly = "alias-target-health-only";
}
