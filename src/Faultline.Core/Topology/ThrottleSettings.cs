namespace Faultline.Core.Topology;

/// <summary>
/// API Gateway throttling: a token bucket refilled at <see cref="RateLimit"/> tokens per second holding at most
/// <see cref="BurstLimit"/> tokens; a request takes one token, and with none left the gateway answers 429
/// <c>{"message":"Too Many Requests"}</c>.
/// </summary>
/// <remarks>
/// Source: https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html (REST) and
/// https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html (HTTP): "API Gateway
/// throttles requests to your API using the token bucket algorithm, where a token counts for a request".
/// </remarks>
public sealed record ThrottleSettings
{
    /// <summary>
    /// The account-level default per Region: 10,000 requests per second with a bucket of 5,000
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html). A stage without its own throttling
    /// is held to it.
    /// </summary>
    public static readonly ThrottleSettings AccountDefault = new() { RateLimit = 10_000, BurstLimit = 5_000 };

    /// <summary>The largest rate a topology may set: requests per second.</summary>
    public const double MaxRateLimit = 1_000_000;

    /// <summary>The largest burst a topology may set.</summary>
    public const int MaxBurstLimit = 1_000_000;

    /// <summary>Steady-state requests per second (tokens added per second). Default 10,000 (the account default).</summary>
    public double RateLimit { get; init; } = 10_000;

    /// <summary>The bucket's size: how many requests may arrive at once. Default 5,000 (the account default).</summary>
    public int BurstLimit { get; init; } = 5_000;
}
