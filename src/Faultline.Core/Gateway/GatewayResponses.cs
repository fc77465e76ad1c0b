using System.Text;
using Faultline.Core.Functions;

namespace Faultline.Core.Gateway;

/// <summary>
/// API Gateway's answers (docs/lab.md, "What matches AWS"), built in one place: integration timeout → 504, function
/// error or timeout → 502, throttled → 429, malformed proxy output → 502, unknown route → 403 as REST APIs
/// do. Every response carries <see cref="RegionHeader"/>.
/// </summary>
public static class GatewayResponses
{
    /// <summary>The header naming the region that answered.</summary>
    public const string RegionHeader = "x-faultline-region";

    /// <summary>504 <c>{"message":"Endpoint request timed out"}</c>.</summary>
    public static GatewayResponse IntegrationTimeout(string region) => Message(region, 504, "Endpoint request timed out");

    /// <summary>502 <c>{"message":"Internal server error"}</c>: function error, function timeout or malformed output.</summary>
    public static GatewayResponse InternalServerError(string region) => Message(region, 502, "Internal server error");

    /// <summary>429 <c>{"message":"Too Many Requests"}</c>.</summary>
    public static GatewayResponse TooManyRequests(string region) => Message(region, 429, "Too Many Requests");

    /// <summary>403 <c>{"message":"Missing Authentication Token"}</c>: what a REST API answers for an unknown route.</summary>
    public static GatewayResponse MissingAuthenticationToken(string region) => Message(region, 403, "Missing Authentication Token");

    /// <summary>Maps a function outcome to the response, as Lambda proxy integration does.</summary>
    public static GatewayResponse FromOutcome(string region, FunctionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        switch (outcome.Kind)
        {
            case FunctionOutcomeKind.Throttled:
                return TooManyRequests(region);
            case FunctionOutcomeKind.FunctionError:
            case FunctionOutcomeKind.Timeout:
                return InternalServerError(region);
            default:
                var result = outcome.Result;
                if (result is null && !LambdaProxyResult.TryParse(outcome.RawPayload, out result))
                {
                    return InternalServerError(region);
                }

                return FromResult(region, result);
        }
    }

    private static GatewayResponse FromResult(string region, LambdaProxyResult result)
    {
        byte[] body;
        if (result.IsBase64Encoded)
        {
            try
            {
                body = Convert.FromBase64String(result.Body);
            }
            catch (FormatException)
            {
                return InternalServerError(region);
            }
        }
        else
        {
            body = Encoding.UTF8.GetBytes(result.Body);
        }

        var headers = new List<KeyValuePair<string, string>>(result.Headers.Count + 2);
        foreach (var header in result.Headers)
        {
            if (!string.Equals(header.Key, RegionHeader, StringComparison.OrdinalIgnoreCase))
            {
                headers.Add(header);
            }
        }

        // API Gateway answers application/json when the function sets no content type.
        if (!result.Headers.Keys.Any(k => string.Equals(k, "Content-Type", StringComparison.OrdinalIgnoreCase)))
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
