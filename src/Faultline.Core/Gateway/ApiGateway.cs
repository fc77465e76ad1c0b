using System.Collections.Concurrent;
using Faultline.Core.Functions;
using Faultline.Core.Time;
using Faultline.Core.Topology;

namespace Faultline.Core.Gateway;

/// <summary>
/// A region's API Gateway without the network, in AWS's order: the Host must be a custom domain of the region with a
/// base path mapping for the path (else 403 Forbidden), the route must exist (else REST 403 / HTTP 404), the stage's
/// and route's token buckets must hold a token (else 429), then the invocation races the integration timeout and its
/// outcome is mapped (<see cref="GatewayResponses"/>). The lab wraps it with sockets; the simulator calls it directly.
/// </summary>
public sealed class ApiGateway
{
    private readonly FunctionFleet _functions;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, (GatewayConfig Config, GatewayThrottle Throttle)> _gateways;
    private readonly ConcurrentDictionary<FunctionRuntime, MappedResult> _lastMapped = new();

    /// <summary>Creates the gateways of a topology over its functions.</summary>
    public ApiGateway(Topology.Topology topology, FunctionFleet functions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _functions = functions;
        _timeProvider = timeProvider;
        _gateways = topology.Regions.ToDictionary(r => r.Name, r => (r.Gateway, new GatewayThrottle(r.Gateway, timeProvider)), StringComparer.Ordinal);
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
        if (!_gateways.TryGetValue(region, out var found))
        {
            throw new ArgumentException($"'{region}' is not a region of the topology.", nameof(region));
        }

        var (gateway, throttle) = found;
        if (gateway.CustomDomains.Count > 0)
        {
            // Without custom domains every Host is served at '/' (CustomDomainRouting), so only then is the Host read.
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
        }

        var function = _functions.Route(region, request.Method, request.Path);
        if (function is null)
        {
            return GatewayResponses.RouteNotFound(region, gateway.Type);
        }

        if (!throttle.TryAdmit(function.Config.Route))
        {
            return GatewayResponses.TooManyRequests(region);
        }

        // The invocation keeps running after the gateway gives up, holding its concurrency, as in AWS.
        var invocation = function.InvokeAsync(request, CancellationToken.None);
        try
        {
            var outcome = await LabTasks.WithTimeout(invocation, gateway.IntegrationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            return outcome is { Kind: FunctionOutcomeKind.Succeeded, Result: { } result }
                ? ResponseOf(function, region, result, gateway.Type)
                : GatewayResponses.FromOutcome(region, outcome, gateway.Type);
        }
        catch (TimeoutException)
        {
            return GatewayResponses.IntegrationTimeout(region, gateway.Type);
        }
    }

    // A function mostly answers with the same result object (a built-in handler's fixed answer, a fault's replacement):
    // its response, immutable, is mapped once and reused until the function answers with another.
    private GatewayResponse ResponseOf(FunctionRuntime function, string region, LambdaProxyResult result, GatewayType type)
    {
        if (_lastMapped.TryGetValue(function, out var last) && ReferenceEquals(last.Result, result))
        {
            return last.Response;
        }

        var response = GatewayResponses.FromResult(region, result, type);
        _lastMapped[function] = new MappedResult(result, response);
        return response;
    }

    private sealed record MappedResult(LambdaProxyResult Result, GatewayResponse Response);
}
