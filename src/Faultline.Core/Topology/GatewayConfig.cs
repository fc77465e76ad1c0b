namespace Faultline.Core.Topology;

/// <summary>API Gateway settings of one region.</summary>
public sealed record GatewayConfig
{
    /// <summary>API Gateway's default and maximum integration timeout for REST APIs: 29 s.</summary>
    public static readonly TimeSpan DefaultIntegrationTimeout = TimeSpan.FromSeconds(29);

    /// <summary>How long the gateway waits for the function before answering 504. Default 29 s.</summary>
    public TimeSpan IntegrationTimeout { get; init; } = DefaultIntegrationTimeout;
}
