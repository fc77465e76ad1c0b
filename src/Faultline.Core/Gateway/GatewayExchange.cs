namespace Faultline.Core.Gateway;

/// <summary>The outcome of one request at a regional gateway (<see cref="RegionalGateway"/>).</summary>
public sealed record GatewayExchange
{
    /// <summary>How it ended.</summary>
    public required GatewayExchangeKind Kind { get; init; }

    /// <summary>The response, when <see cref="Kind"/> is <see cref="GatewayExchangeKind.Response"/>.</summary>
    public GatewayResponse? Response { get; init; }

    /// <summary>The network decision taken for the request (the faults behind a reset or blackhole).</summary>
    public required NetworkDecision Decision { get; init; }
}
