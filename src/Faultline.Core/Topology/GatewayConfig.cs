namespace Faultline.Core.Topology;

/// <summary>API Gateway settings of one region.</summary>
public sealed record GatewayConfig
{
    /// <summary>API Gateway's default and maximum integration timeout for REST APIs: 29 s.</summary>
    public static readonly TimeSpan DefaultIntegrationTimeout = TimeSpan.FromSeconds(29);

    /// <summary>
    /// The default and maximum integration timeout of HTTP APIs: 30 s
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-quotas.html).
    /// </summary>
    public static readonly TimeSpan HttpApiMaxIntegrationTimeout = TimeSpan.FromSeconds(30);

    // Shared empty defaults, so two default settings are equal (records compare collections by reference).
    private static readonly Dictionary<RouteKey, ThrottleSettings> NoRouteThrottling = [];
    private static readonly CustomDomain[] NoCustomDomains = [];

    /// <summary>The kind of API. Default <see cref="GatewayType.Rest"/>.</summary>
    public GatewayType Type { get; init; } = GatewayType.Rest;

    /// <summary>How long the gateway waits for the function before answering 504 (REST) or 503 (HTTP). Default 29 s (REST), 30 s (HTTP).</summary>
    public TimeSpan IntegrationTimeout { get; init; } = DefaultIntegrationTimeout;

    /// <summary>The stage's throttling. Default <see cref="ThrottleSettings.AccountDefault"/> (10,000 requests per second, burst 5,000).</summary>
    public ThrottleSettings Throttling { get; init; } = ThrottleSettings.AccountDefault;

    /// <summary>Per-route (REST: per-method) throttling, on top of the stage's. Default none.</summary>
    public IReadOnlyDictionary<RouteKey, ThrottleSettings> RouteThrottling { get; init; } = NoRouteThrottling;

    /// <summary>
    /// The custom domain names configured in the region. Default none, which the lab reads as "every name": the
    /// gateway answers any <c>Host</c> at <c>/</c>, as if each DNS name routed to the region were a custom domain
    /// mapped at <c>/</c>. Declaring at least one makes it exact: any other name gets 403 <c>{"message":"Forbidden"}</c>.
    /// </summary>
    public IReadOnlyList<CustomDomain> CustomDomains { get; init; } = NoCustomDomains;
}
