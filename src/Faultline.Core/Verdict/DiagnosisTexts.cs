using Faultline.Core.Text;

namespace Faultline.Core.Verdict;

/// <summary>Every sentence the diagnosis says, in one place: these texts are API, pinned by tests.</summary>
public static class DiagnosisTexts
{
    /// <summary>The headline of <see cref="DiagnosisCodes.HealthCheckProbesOtherRegion"/>.</summary>
    public static string ProbesOtherRegion(string healthCheck, string victims, string fqdn, string? address, string probedRegion, string guardedRegion) =>
        $"{healthCheck} stayed healthy while {victims}: it probes {fqdn}, which resolved to {(address is null ? probedRegion : $"{address} ({probedRegion})")}, not the region it guards ({guardedRegion})";

    /// <summary>The fix of <see cref="DiagnosisCodes.HealthCheckProbesOtherRegion"/>.</summary>
    public static string ProbesOtherRegionFix(string healthCheck, string? ownName, string guardedRegion) =>
        ownName is null
            ? $"point {healthCheck} at a name served only by {guardedRegion}"
            : $"point {healthCheck} at {ownName}";

    /// <summary>The headline of <see cref="DiagnosisCodes.HealthCheckPathNotFaulted"/>.</summary>
    public static string PathNotFaulted(string healthCheck, string path, string faultedPaths) =>
        $"{healthCheck} probes {path}, which was not faulted: the health check does not exercise {faultedPaths}";

    /// <summary>The fix of <see cref="DiagnosisCodes.HealthCheckPathNotFaulted"/>.</summary>
    public static string PathNotFaultedFix(string healthCheck, string path) =>
        $"make {healthCheck}'s path exercise what customers depend on (a deep health check), or fault the function behind {path} too";

    /// <summary>The headline of <see cref="DiagnosisCodes.FailOpenNoRegionHealthy"/>.</summary>
    public static string FailOpen(string record, string checks, TimeSpan lasted) =>
        $"no region was healthy, so Route 53 answered all of them: {checks} were all unhealthy for {Durations.Describe(lasted)} and {record} kept answering every region";

    /// <summary>The fix of <see cref="DiagnosisCodes.FailOpenNoRegionHealthy"/>.</summary>
    public const string FailOpenFix = "make sure a fault in one region cannot fail every region's health check (check each region's own endpoint), or add a healthy fallback set";

    /// <summary>The headline of <see cref="DiagnosisCodes.ClientsStuckAfterDnsChange"/>.</summary>
    public static string ClientsStuck(string population, string region, TimeSpan lasted, string location, string name, string newRegions, string at, TimeSpan ttl, bool keepAlive) =>
        $"{population} kept reaching {region} for {Durations.Describe(lasted)} after {location}'s answer for {name} moved to {newRegions} at {at}, longer than the TTL ({Durations.Describe(ttl)}): likely {(keepAlive ? "kept-alive connections to " + region + " outliving the DNS change" : "DNS answers cached beyond the TTL")}";

    /// <summary>The fix of <see cref="DiagnosisCodes.ClientsStuckAfterDnsChange"/>.</summary>
    public static string ClientsStuckFix(bool keepAlive) =>
        keepAlive
            ? "bound connection lifetime to the TTL and drop connections on errors, or use connectionReuse: perRequest"
            : "make the client's resolver honour the record's TTL";

    /// <summary>The headline of <see cref="DiagnosisCodes.AliasTargetHealthOnly"/>.</summary>
    public static string AliasTargetHealthOnly(string record, string setId, string region, string victims, string faulted) =>
        $"{record} kept answering {region} while {victims}: set '{setId}' is an alias with evaluateTargetHealth and no health check, and for an API Gateway target Route 53 sees only whether the API Gateway service is up in {region}, not the functions behind it ({faulted}) — the blog's class of bug in its most common modern form";

    /// <summary>The fix of <see cref="DiagnosisCodes.AliasTargetHealthOnly"/>.</summary>
    public static string AliasTargetHealthOnlyFix(string setId, string region, string? ownName) =>
        $"attach a health check to set '{setId}' that probes {(ownName is null ? $"a name served only by {region}" : ownName)} on a path through the functions customers call; evaluateTargetHealth alone never fails over on a Lambda outage";

    /// <summary>The headline of <see cref="DiagnosisCodes.ChecksFailed"/>.</summary>
    public static string ChecksFailed(IReadOnlyList<int> numbers) =>
        $"{numbers.Count} check{(numbers.Count == 1 ? string.Empty : "s")} failed ({string.Join(", ", numbers.Select(n => "#" + n))}) and no known cause matched what was observed";

    /// <summary>How a victim population is named in a headline, e.g. <c>us-customers got errors (1,200×5xx)</c>.</summary>
    public static string Victim(string population, string breakdown) => $"{population} got errors ({breakdown})";

    /// <summary>The headline of <see cref="DiagnosisCodes.CustomDomainMissing"/>.</summary>
    public static string CustomDomainMissing(string population, string breakdown, string region, string host, string path, bool mappingOnly) =>
        mappingOnly
            ? $"{population} got errors ({breakdown}) from {region}: its custom domain {host} has no base path mapping for {path}, so API Gateway answered 403 {{\"message\":\"Forbidden\"}} to every such request routed there"
            : $"{population} got errors ({breakdown}) from {region}: its gateway has no custom domain {host}, so API Gateway answered 403 {{\"message\":\"Forbidden\"}} to every request routed there";

    /// <summary>The fix of <see cref="DiagnosisCodes.CustomDomainMissing"/>.</summary>
    public static string CustomDomainMissingFix(string host, string region, bool mappingOnly) =>
        mappingOnly
            ? $"add a base path covering the request's path (or /) to {host} under regions.{region}.gateway.customDomains (on AWS: an API mapping on the custom domain in {region})"
            : $"add {host} to regions.{region}.gateway.customDomains (on AWS: create the custom domain {host} with an API mapping in {region}, as every region a latency, failover or weighted record routes to needs one)";

    /// <summary>Headline of <see cref="DiagnosisCodes.ChaosExtensionNotAttached"/>.</summary>
    public static string ChaosExtensionNotAttachedHeadline(string function) =>
        $"the chaos extension's variables were set on {function} but the extension was not attached, so nothing was injected there (as on AWS)";

    /// <summary>Fix of <see cref="DiagnosisCodes.ChaosExtensionNotAttached"/>.</summary>
    public const string ChaosExtensionNotAttachedFix =
        "attach the chaos-lambda-extension layer (attachLayer in the configure action, or layers: in the topology) and set AWS_LAMBDA_EXEC_WRAPPER: /opt/bootstrap with the variables";
}
