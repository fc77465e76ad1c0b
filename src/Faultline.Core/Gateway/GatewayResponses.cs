using System.Text;
using Faultline.Core.Functions;
using Faultline.Core.Topology;

namespace Faultline.Core.Gateway;

/// <summary>
/// API Gateway's answers (docs/fidelity.md, "API Gateway"), built in one place. REST APIs: integration timeout → 504,
/// function error, function timeout or malformed proxy output → 502, the Lambda service rejecting the invocation
/// (throttled) → 500, unknown route → 403 "Missing Authentication Token". HTTP APIs: integration timeout → 503, every
/// Lambda failure → 500 "Internal Server Error", unknown route → 404. Both: API Gateway's own throttling → 429, a
/// Host that is no custom domain of the region, or a path no base path mapping covers → 403 "Forbidden". Every
/// response carries <see cref="RegionHeader"/>.
/// </summary>
public static class GatewayResponses
{
    /// <summary>The header naming the region that answered.</summary>
    public const string RegionHeader = "x-faultline-region";

    /// <summary>
    /// The integration timed out: REST 504 <c>{"message":"Endpoint request timed out"}</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html,
    /// INTEGRATION_TIMEOUT); HTTP 503 <c>{"message":"Service Unavailable"}</c> (AWS does not document the HTTP API
    /// answer; this is what deployed HTTP APIs send, e.g. https://github.com/cortexlabs/cortex/issues/1225).
    /// </summary>
    public static GatewayResponse IntegrationTimeout(string region, GatewayType type = GatewayType.Rest) => type == GatewayType.Http
        ? Message(region, 503, "Service Unavailable")
        : Message(region, 504, "Endpoint request timed out");

    /// <summary>
    /// The function failed, timed out or returned malformed output: REST 502 <c>{"message":"Internal server error"}</c>
    /// (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html); HTTP 500
    /// <c>{"message":"Internal Server Error"}</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-lambda.html).
    /// </summary>
    public static GatewayResponse InternalServerError(string region, GatewayType type = GatewayType.Rest) => type == GatewayType.Http
        ? Message(region, 500, "Internal Server Error")
        : Message(region, 502, "Internal server error");

    /// <summary>
    /// The Lambda service rejected the invocation (throttled: reserved concurrency or the <c>throttle</c> fault): REST 500
    /// <c>{"message":"Internal server error"}</c> — "If the Lambda API rejects the invocation request, API Gateway returns
    /// a 500 error code" (https://docs.aws.amazon.com/lambda/latest/dg/services-apigateway-errors.html); HTTP 500
    /// <c>{"message":"Internal Server Error"}</c>.
    /// </summary>
    public static GatewayResponse InvocationRejected(string region, GatewayType type = GatewayType.Rest) => type == GatewayType.Http
        ? Message(region, 500, "Internal Server Error")
        : Message(region, 500, "Internal server error");

    /// <summary>
    /// API Gateway's own throttling (stage or route token bucket): 429 <c>{"message":"Too Many Requests"}</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling.html, THROTTLED).
    /// </summary>
    public static GatewayResponse TooManyRequests(string region) => Message(region, 429, "Too Many Requests");

    /// <summary>
    /// No route matches: REST 403 <c>{"message":"Missing Authentication Token"}</c>
    /// (https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html,
    /// MISSING_AUTHENTICATION_TOKEN); HTTP 404 <c>{"message":"Not Found"}</c>.
    /// </summary>
    public static GatewayResponse RouteNotFound(string region, GatewayType type = GatewayType.Rest) => type == GatewayType.Http
        ? Message(region, 404, "Not Found")
        : MissingAuthenticationToken(region);

    /// <summary>403 <c>{"message":"Missing Authentication Token"}</c>: what a REST API answers for an unknown route.</summary>
    public static GatewayResponse MissingAuthenticationToken(string region) => Message(region, 403, "Missing Authentication Token");

    /// <summary>
    /// 403 <c>{"message":"Forbidden"}</c>: the Host is no custom domain of the region, or no base path mapping of that
    /// domain covers the path (API Gateway "has no place to point" the request; AWS documents no body for it, this is
    /// what deployed APIs send, e.g. https://github.com/Miserlou/Zappa/issues/1248).
    /// </summary>
    public static GatewayResponse Forbidden(string region) => Message(region, 403, "Forbidden");

    /// <summary>Maps a function outcome to the response, as Lambda proxy integration does for <paramref name="type"/>.</summary>
    public static GatewayResponse FromOutcome(string region, FunctionOutcome outcome, GatewayType type = GatewayType.Rest)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Kind)
        {
            case FunctionOutcomeKind.Throttled:
                return InvocationRejected(region, type);
            case FunctionOutcomeKind.FunctionError:
            case FunctionOutcomeKind.Timeout:
                return InternalServerError(region, type);
            default:
                var result = outcome.Result;
                if (result is null && !LambdaProxyResult.TryParse(outcome.RawPayload, out result))
                {
                    return InternalServerError(region, type);
                }

                return FromResult(region, result, type);
        }
    }

    /// <summary>Maps a function's well-formed proxy result to the response, as Lambda proxy integration does for <paramref name="type"/>.</summary>
    public static GatewayResponse FromResult(string region, LambdaProxyResult result, GatewayType type = GatewayType.Rest)
    {
        ArgumentNullException.ThrowIfNull(result);
        byte[] body;
        if (result.IsBase64Encoded)
        {
            try
            {
                body = Convert.FromBase64String(result.Body);
            }
            catch (FormatException)
            {
                return InternalServerError(region, type);
            }
        }
        else
        {
            body = Encoding.UTF8.GetBytes(result.Body);
        }

        var headers = new List<KeyValuePair<string, string>>(result.Headers.Count + 2);
        var contentType = false;
        foreach (var header in result.Headers)
        {
            contentType |= string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase);
            if (!string.Equals(header.Key, RegionHeader, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header);
            }
        }

        // API Gateway answers application/json when the function sets no content type.
        if (!contentType)
        {
            headers.Add(new("Content-Type", "application/json"));
        }

        headers.Add(new(RegionHeader, region));
        return new GatewayResponse { StatusCode = result.StatusCode, Headers = headers, Body = body };
    }

    private static GatewayResponse Message(string region, int status, string message) => new()
    {
        StatusCode = status,
        Headers = [new("Content-Type", "application/json"), new(RegionHeader, region)],
        Body = Encoding.UTF8.GetBytes($$"""{"message":"{{message}}"}"""),
    };
}
