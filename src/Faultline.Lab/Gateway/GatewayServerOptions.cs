namespace Faultline.Lab.Gateway;

/// <summary>The gateways' server limits.</summary>
public sealed record GatewayServerOptions
{
    /// <summary>
    /// The most connections all gateways together keep open; Kestrel closes any beyond it at once (the caller sees
    /// its connection closed). Default <c>null</c>: unbounded. <see cref="Hosting.LabHost"/> sets it from the
    /// topology's clients and health checkers, so every connection is counted in the descriptor check.
    /// </summary>
    public long? MaxConnections { get; init; }
}
