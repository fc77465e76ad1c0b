namespace Faultline.Core.Topology;

/// <summary>
/// A custom domain name configured on a region's API Gateway, with its base path mappings (API mappings): the
/// gateway answers a request for this name only when its path starts with one of <see cref="BasePaths"/>.
/// </summary>
/// <remarks>
/// Source: https://docs.aws.amazon.com/apigateway/latest/developerguide/rest-api-mappings.html and
/// https://repost.aws/knowledge-center/api-gateway-403-custom-domain (a mapping with path "(none)" serves the root;
/// a mapping "orders" serves <c>/orders/...</c> with <c>/orders</c> removed before routing).
/// </remarks>
public sealed record CustomDomain
{
    /// <summary>The domain name, normalized (lower case, no trailing dot), e.g. <c>api.example.test</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The base paths mapped to the region's API, each <c>/</c> (AWS's "(none)": the whole domain) or
    /// <c>/segment[/segment]</c>. Default <c>[/]</c>.
    /// </summary>
    public IReadOnlyList<string> BasePaths { get; init; } = ["/"];
}
