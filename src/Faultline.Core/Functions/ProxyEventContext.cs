namespace Faultline.Core.Functions;

/// <summary>What API Gateway adds to a request when it builds the proxy event: where and when it was received.</summary>
public sealed record ProxyEventContext
{
    /// <summary>The request id. Default <c>faultline</c>.</summary>
    public string RequestId { get; init; } = "faultline";

    /// <summary>When the gateway received the request (lab time).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The stage name. Default <c>prod</c> (v1); HTTP APIs' default stage is <c>$default</c>.</summary>
    public string? Stage { get; init; }

    /// <summary>The client's address. Default <c>127.0.0.1</c>.</summary>
    public string SourceIp { get; init; } = "127.0.0.1";
}
