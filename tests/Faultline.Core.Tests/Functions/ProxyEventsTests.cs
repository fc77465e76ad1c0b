using System.Text;
using System.Text.Json;
using Faultline.Core.Functions;
using Faultline.Core.Topology;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Functions;

public sealed class ProxyEventsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 2, 5, 6, 7, TimeSpan.Zero);

    private static readonly FunctionRequest Request = new()
    {
        Method = "get",
        Path = "/api/hello",
        QueryString = "?a=1&a=2&b=x%20y",
        Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = "api.example.test", ["User-Agent"] = "faultline", ["Cookie"] = "c1=1; c2=2" },
        Body = Encoding.UTF8.GetBytes("{\"k\":1}"),
    };

    private static FunctionConfig Hello => Some.Topology().FindRegion("us-east-1")!.Functions.Single(f => f.Name == "hello");

    private static JsonElement Parse(byte[] json) => JsonDocument.Parse(json).RootElement.Clone();

    [Fact]
    public void FormatFor_HttpApiRegion_IsV2AndRestRegionV1()
    {
        var topology = Some.Topology();
        var http = topology with
        {
            Regions = [.. topology.Regions.Select(r => r.Name == "eu-west-1" ? r with { Gateway = r.Gateway with { Type = GatewayType.Http } } : r)],
        };

        Assert.Equal(ProxyPayloadFormat.V1, ProxyEvents.FormatFor(http, http.FindRegion("us-east-1")!.Functions[0]));
        Assert.Equal(ProxyPayloadFormat.V2, ProxyEvents.FormatFor(http, http.FindRegion("eu-west-1")!.Functions[0]));
    }

    [Fact]
    public void V1_HasTheRestApiProxyEventFields()
    {
        var e = Parse(ProxyEvents.V1(Request, Hello, new ProxyEventContext { ReceivedAt = At, RequestId = "r1" }));

        Assert.Equal("/api/hello", e.GetProperty("resource").GetString());
        Assert.Equal("/api/hello", e.GetProperty("path").GetString());
        Assert.Equal("GET", e.GetProperty("httpMethod").GetString());
        Assert.Equal("api.example.test", e.GetProperty("headers").GetProperty("Host").GetString());
        Assert.Equal("faultline", e.GetProperty("multiValueHeaders").GetProperty("User-Agent")[0].GetString());
        Assert.Equal("2", e.GetProperty("queryStringParameters").GetProperty("a").GetString());
        Assert.Equal(["1", "2"], e.GetProperty("multiValueQueryStringParameters").GetProperty("a").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("x y", e.GetProperty("queryStringParameters").GetProperty("b").GetString());
        Assert.Equal(JsonValueKind.Null, e.GetProperty("pathParameters").ValueKind);
        Assert.Equal("{\"k\":1}", e.GetProperty("body").GetString());
        Assert.False(e.GetProperty("isBase64Encoded").GetBoolean());
        var context = e.GetProperty("requestContext");
        Assert.Equal("prod", context.GetProperty("stage").GetString());
        Assert.Equal("r1", context.GetProperty("requestId").GetString());
        Assert.Equal(At.ToUnixTimeMilliseconds(), context.GetProperty("requestTimeEpoch").GetInt64());
        Assert.Equal("02/Dec/2026:05:06:07 +0000", context.GetProperty("requestTime").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("identity").GetProperty("sourceIp").GetString());
    }

    [Fact]
    public void V2_HasTheHttpApiProxyEventFields()
    {
        var e = Parse(ProxyEvents.Build(ProxyPayloadFormat.V2, Request, Hello, new ProxyEventContext { ReceivedAt = At, RequestId = "r1" }));

        Assert.Equal("2.0", e.GetProperty("version").GetString());
        Assert.Equal("GET /api/hello", e.GetProperty("routeKey").GetString());
        Assert.Equal("/api/hello", e.GetProperty("rawPath").GetString());
        Assert.Equal("a=1&a=2&b=x%20y", e.GetProperty("rawQueryString").GetString());
        Assert.Equal(["c1=1", "c2=2"], e.GetProperty("cookies").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("api.example.test", e.GetProperty("headers").GetProperty("host").GetString());
        Assert.False(e.GetProperty("headers").TryGetProperty("cookie", out _));
        Assert.Equal("1,2", e.GetProperty("queryStringParameters").GetProperty("a").GetString());
        var context = e.GetProperty("requestContext");
        Assert.Equal("GET", context.GetProperty("http").GetProperty("method").GetString());
        Assert.Equal("$default", context.GetProperty("stage").GetString());
        Assert.Equal(At.ToUnixTimeMilliseconds(), context.GetProperty("timeEpoch").GetInt64());
        Assert.Equal("{\"k\":1}", e.GetProperty("body").GetString());
    }

    [Fact]
    public void V1_BinaryBody_IsBase64()
    {
        var e = Parse(ProxyEvents.V1(Request with { Body = new byte[] { 0xff, 0xfe, 0x00 } }, Hello, new ProxyEventContext { ReceivedAt = At }));

        Assert.Equal("//4A", e.GetProperty("body").GetString());
        Assert.True(e.GetProperty("isBase64Encoded").GetBoolean());
    }
}
