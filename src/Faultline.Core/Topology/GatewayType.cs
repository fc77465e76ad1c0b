namespace Faultline.Core.Topology;

/// <summary>Which kind of API Gateway API a region deploys (<c>type</c> under a region's <c>gateway</c>).</summary>
/// <remarks>
/// The kinds answer failures differently (docs/fidelity.md, "API Gateway"), and a Lambda integration receives a
/// different proxy event: payload format 1.0 for <see cref="Rest"/>, 2.0 for <see cref="Http"/>.
/// </remarks>
public enum GatewayType
{
    /// <summary><c>rest</c>, the default: a REST API (API Gateway V1), payload format 1.0.</summary>
    Rest,

    /// <summary><c>http</c>: an HTTP API (API Gateway V2), payload format 2.0.</summary>
    Http,
}
