namespace Faultline.Core.Verdict;

/// <summary>The stable codes of diagnosis findings; reports and CI key on them.</summary>
public static class DiagnosisCodes
{
    /// <summary>A health check guarding one region's set probes a name served by another region, so it never saw the fault.</summary>
    public const string HealthCheckProbesOtherRegion = "health-check-probes-other-region";

    /// <summary>A health check's path routes to a function no fault touched, while the region's other functions were faulted.</summary>
    public const string HealthCheckPathNotFaulted = "health-check-path-not-faulted";

    /// <summary>Every set of a record was unhealthy, so Route 53 answered all of them (fail-open).</summary>
    public const string FailOpenNoRegionHealthy = "fail-open-no-region-healthy";

    /// <summary>A population kept reaching the region DNS had moved away from for longer than the TTL.</summary>
    public const string ClientsStuckAfterDnsChange = "clients-stuck-after-dns-change";

    /// <summary>Checks failed and no rule explains why: lists them.</summary>
    public const string ChecksFailed = "checks-failed";

    /// <summary>Requests routed to a region whose gateway lacks the requested name as a custom domain (or a base path mapping for the path) failed with 403.</summary>
    public const string CustomDomainMissing = "custom-domain-missing";

    /// <summary>
    /// A routed alias set with evaluateTargetHealth and no health check kept answering a region whose functions were
    /// faulted: Route 53 sees only the API Gateway service's availability there (the blog's bug in its modern form).
    /// </summary>
    public const string AliasTargetHealthOnly = "alias-target-health-only";

    /// <summary>The chaos extension's variables were set on a function its layer or wrapper was missing from, so nothing was injected.</summary>
    public const string ChaosExtensionNotAttached = "chaos-extension-not-attached";
}
