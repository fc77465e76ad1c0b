using Faultline.Core.Functions;
using Faultline.Core.Time;

namespace Faultline.Core.Gateway;

/// <summary>
/// A region's API Gateway without the network, in AWS's order: the Host must be a custom domain of the region with a
/// base path mapping for the path (else 403 Forbidden), the route must exist (else REST 403 / HTTP 404), the stage's
/// and route's token buckets must hold a token (else 429), then the invocation races the integration timeout and its
/// outcome is mapped (<see cref="GatewayResponses"/>). The lab wraps it with sockets; the simulator calls it directly.
/// </summary>
public sealed class ApiGateway
{
    private readonly Topology.Topology _topology;
    private readonly FunctionFleet _functions;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, GatewayThrottle> _throttles;

    /// <summary>Creates the gateways of a topology over its functions.</summary>
    public ApiGateway(Topology.Topology topology, FunctionFleet functions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _topology = topology;
        _functions = functions;
        _timeProvider = timeProvider;
        _throttles = topology.Regions.ToDictionary(r => r.Name, r => new GatewayThrottle(r.Gateway, timeProvider), StringComparer.Ordinal);
    }

    /// <summary>The functions behind the gateways.</summary>
    public FunctionFleet Functions => _functions;

    /// <summary>Handles one request arriving at <paramref name="region"/>'s gateway.</summary>
    /// <param name="region">The region whose gateway received the request.</param>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">The caller going away.</param>
    public async Task<GatewayResponse> HandleAsync(string region, FunctionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var gateway = _topology.FindRegion(region)?.Gateway
            ?? throw new ArgumentException($"'{region}' is not a region of the topology.", nameof(region));
        request.Headers.TryGetValue("Host", out var hostHeader);
        var match = CustomDomainRouting.Match(gateway, CustomDomainRouting.HostName(hostHeader), request.Path);
        if (match.Kind != CustomDomainMatchKind.Served)
        {
            return GatewayResponses.Forbidden(region);
        }

        if (!string.Equals(match.Path, request.Path, StringComparison.Ordinal))
        {
            request = request with { Path = match.Path };
        }

        var function = _functions.Route(region, request.Method, request.Path);
        if (function is null)
        {
            return GatewayResponses.RouteNotFound(region, gateway.Type);
        }

        if (!_throttles[region].TryAdmit(function.Config.Route))
        {
            return GatewayResponses.TooManyRequests(region);
        }

        // The invocation keeps running after the gateway gives up, holding its concurrency, as in AWS.
        var invocation = function.InvokeAsync(request, CancellationToken.None);
        try
        {
            var outcome = await LabTasks.WithTimeout(invocation, gateway.IntegrationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            return GatewayResponses.FromOutcome(region, outcome, gateway.Type);
        }
        catch (TimeoutException)
        {
            return GatewayResponses.IntegrationTimeout(region, gateway.Type);
        }
    }
}
