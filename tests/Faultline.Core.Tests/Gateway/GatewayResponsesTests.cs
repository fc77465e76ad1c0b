using System.Text;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Xunit;

namespace Faultline.Core.Tests.Gateway;

public sealed class GatewayResponsesTests
{
    private static string Body(GatewayResponse response) => Encoding.UTF8.GetString(response.Body.Span);

    [Theory]
    [InlineData(FunctionOutcomeKind.FunctionError, 502, """{"message":"Internal server error"}""")]
    [InlineData(FunctionOutcomeKind.Timeout, 502, """{"message":"Internal server error"}""")]
    [InlineData(FunctionOutcomeKind.Throttled, 500, """{"message":"Internal server error"}""")]
    public void FromOutcome_Failures_MapAsApiGateway(FunctionOutcomeKind kind, int status, string body)
    {
        var response = GatewayResponses.FromOutcome("us-east-1", new FunctionOutcome { Kind = kind });

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, Body(response));
        Assert.Equal("us-east-1", response.Header(GatewayResponses.RegionHeader));
    }

    [Fact]
    public void IntegrationTimeout_Is504EndpointRequestTimedOut()
    {
        var response = GatewayResponses.IntegrationTimeout("eu-west-1");

        Assert.Equal(504, response.StatusCode);
        Assert.Equal("""{"message":"Endpoint request timed out"}""", Body(response));
        Assert.Equal("eu-west-1", response.Header(GatewayResponses.RegionHeader));
    }

    [Fact]
    public void MissingAuthenticationToken_Is403()
    {
        var response = GatewayResponses.MissingAuthenticationToken("us-east-1");

        Assert.Equal(403, response.StatusCode);
        Assert.Equal("""{"message":"Missing Authentication Token"}""", Body(response));
    }

    [Fact]
    public void FromOutcome_ProxyResult_MapsStatusHeadersAndBody()
    {
        var result = new LambdaProxyResult
        {
            StatusCode = 418,
            Headers = new Dictionary<string, string> { ["X-Custom"] = "yes", ["x-faultline-region"] = "spoofed" },
            Body = "teapot",
        };

        var response = GatewayResponses.FromOutcome("us-east-1", new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = result });

        Assert.Equal(418, response.StatusCode);
        Assert.Equal("teapot", Body(response));
        Assert.Equal("yes", response.Header("X-Custom"));
        Assert.Equal("application/json", response.Header("Content-Type"));
        Assert.Equal("us-east-1", Assert.Single(response.Headers, h => h.Key == GatewayResponses.RegionHeader).Value);
    }

    [Fact]
    public void FromOutcome_Base64Body_IsDecoded()
    {
        var result = new LambdaProxyResult { StatusCode = 200, Body = Convert.ToBase64String("bin"u8.ToArray()), IsBase64Encoded = true };

        var response = GatewayResponses.FromOutcome("us-east-1", new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, Result = result });

        Assert.Equal("bin", Body(response));
    }

    [Fact]
    public void FromOutcome_MalformedRawPayload_Is502()
    {
        var response = GatewayResponses.FromOutcome("us-east-1", new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, RawPayload = """{"body":"x"}""" });

        Assert.Equal(502, response.StatusCode);
    }

    [Fact]
    public void FromOutcome_WellFormedRawPayload_IsMapped()
    {
        var response = GatewayResponses.FromOutcome("us-east-1", new FunctionOutcome { Kind = FunctionOutcomeKind.Succeeded, RawPayload = """{"statusCode":500,"body":"hello, Chaos!!!"}""" });

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("hello, Chaos!!!", Body(response));
    }

    [Theory]
    [InlineData(FunctionOutcomeKind.FunctionError)]
    [InlineData(FunctionOutcomeKind.Timeout)]
    [InlineData(FunctionOutcomeKind.Throttled)]
    public void FromOutcome_HttpApi_EveryLambdaFailureIs500InternalServerError(FunctionOutcomeKind kind)
    {
        var response = GatewayResponses.FromOutcome("us-east-1", new FunctionOutcome { Kind = kind }, Core.Topology.GatewayType.Http);

        Assert.Equal(500, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", Body(response));
    }
}
