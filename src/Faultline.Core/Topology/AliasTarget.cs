namespace Faultline.Core.Topology;

/// <summary>
/// Marks a record set as a Route 53 alias to its region's API (the regional custom domain's API Gateway name,
/// <c>d-….execute-api.&lt;region&gt;.amazonaws.com</c>) instead of an A record holding an address. The lab answers
/// an alias with the region's gateway address, like a plain set, but with the target's TTL and the target's health.
/// </summary>
/// <remarks>
/// <para>Health: with <see cref="EvaluateTargetHealth"/>, an API Gateway alias "fail[s] only when the API Gateway
/// service is unavailable in the Region" (https://docs.aws.amazon.com/apigateway/latest/developerguide/dns-failover.html),
/// never on the function's errors or timeouts. No lab fault takes the API Gateway service itself down, so the target
/// is always healthy; with a health check too, "both must evaluate to true", which leaves the health check alone
/// deciding (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-complex-configs.html).</para>
/// <para>TTL: "If an alias record points to an AWS resource, you can't set the time to live (TTL); Route 53 uses the
/// default TTL for the resource" (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resource-record-sets-choosing-alias-non-alias.html).</para>
/// </remarks>
public sealed record AliasTarget
{
    /// <summary>
    /// The TTL an alias answer carries: the target's, 60 s. AWS does not publish the TTL of a regional API's
    /// name; 60 s is the fixed alias TTL the Route 53 FAQ gives for load balancers and S3 website endpoints, and
    /// the lab uses it for API Gateway targets too.
    /// </summary>
    public static readonly TimeSpan TargetTtl = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Route 53's <c>EvaluateTargetHealth</c>: the set inherits the target's health. For an API Gateway target that
    /// is only the service's availability in the region, not the function's health. Required in the topology file.
    /// </summary>
    public bool EvaluateTargetHealth { get; init; }
}
