using Faultline.Core.Functions;
using Faultline.Core.Time;

namespace Faultline.Core.Gateway;

/// <summary>
/// One request's path through a region, the rule both engines use (the live gateway behind its sockets, the
/// simulated one in virtual time): network faults decided per request (reset, blackhole, extra latency), the
/// one-way latency from the caller's location in, routing and invocation with their faults
/// (<see cref="ApiGateway"/>), and the latency back out. Every wait is on the lab clock.
/// </summary>
public sealed class RegionalGateway
{
    private readonly ApiGateway _gateway;
    private readonly NetworkPolicy _network;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the path over <paramref name="gateway"/> and <paramref name="network"/>, waiting on <paramref name="timeProvider"/>.</summary>
    public RegionalGateway(ApiGateway gateway, NetworkPolicy network, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _gateway = gateway;
        _network = network;
        _timeProvider = timeProvider;
    }

    /// <summary>The gateway behind the network.</summary>
    public ApiGateway Gateway => _gateway;

    /// <summary>Takes one request from <paramref name="location"/> (<c>null</c>: unknown, no modelled latency) to <paramref name="region"/>.</summary>
    /// <param name="region">The region called.</param>
    /// <param name="location">Where the caller is.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The caller gave up (or the lab stops): the exchange ends with <see cref="OperationCanceledException"/>.</param>
    public async Task<GatewayExchange> ExchangeAsync(string region, string? location, FunctionRequest request, CancellationToken cancellationToken)
    {
        var decision = _network.Decide(region, location);
        switch (decision.Action)
        {
            case NetworkAction.Blackhole:
                return new GatewayExchange { Kind = GatewayExchangeKind.Blackhole, Decision = decision };
            case NetworkAction.Reset:
                return new GatewayExchange { Kind = GatewayExchangeKind.Reset, Decision = decision };
            default:
                break;
        }

        var oneWay = _network.OneWayLatency(location, region) + decision.ExtraLatency;
        await DelayAsync(oneWay, cancellationToken).ConfigureAwait(false);
        var response = await _gateway.HandleAsync(region, request, cancellationToken).ConfigureAwait(false);
        await DelayAsync(oneWay, cancellationToken).ConfigureAwait(false);
        return new GatewayExchange { Kind = GatewayExchangeKind.Response, Response = response, Decision = decision };
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay > TimeSpan.Zero ? LabTasks.Delay(delay, _timeProvider, cancellationToken) : Task.CompletedTask;
}
