using Faultline.Core.Functions;
using Faultline.Core.Time;

namespace Faultline.Core.Gateway;

/// <summary>
/// A region's API Gateway without the network: routes <c>METHOD path</c> to a function, races the
/// invocation against the integration timeout, and maps the outcome. The lab wraps it with sockets; the
/// simulator calls it directly.
/// </summary>
public sealed class ApiGateway
{
    private readonly Topology.Topology _topology;
    private readonly FunctionFleet _functions;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the gateways of a topology over its functions.</summary>
    public ApiGateway(Topology.Topology topology, FunctionFleet functions, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _topology = topology;
        _functions = functions;
        _timeProvider = timeProvider;
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
        var function = _functions.Route(region, request.Method, request.Path);
        if (function is null)
        {
            return GatewayResponses.MissingAuthenticationToken(region);
        }

        // The invocation keeps running after the gateway gives up, holding its concurrency, as in AWS.
        var invocation = function.InvokeAsync(request, CancellationToken.None);
        try
        {
            var outcome = await LabTasks.WithTimeout(invocation, gateway.IntegrationTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
            return GatewayResponses.FromOutcome(region, outcome);
        }
        catch (TimeoutException)
        {
            return GatewayResponses.IntegrationTimeout(region);
        }
    }
}
