using Faultline.Core.Aws.CloudFormation;
using Faultline.Core.Topology;
using Xunit;

namespace Faultline.Core.Tests.Aws.CloudFormation;

public sealed class ApiStackBuilderTests
{
    [Fact]
    public void MethodSettings_AccountDefaultAndNoRoutes_IsEmpty()
    {
        Assert.Empty(ApiStackBuilder.MethodSettings(new GatewayConfig()));
    }

    [Fact]
    public void MethodSettings_StageAndRoute_AreWrittenWithEncodedResourcePaths()
    {
        var gateway = new GatewayConfig
        {
            Throttling = new ThrottleSettings { RateLimit = 50, BurstLimit = 10 },
            RouteThrottling = new Dictionary<RouteKey, ThrottleSettings> { [new RouteKey("GET", "/api/hello")] = new() { RateLimit = 5, BurstLimit = 2 } },
        };

        var settings = ApiStackBuilder.MethodSettings(gateway).ToJsonString();

        Assert.Equal(
            """[{"ResourcePath":"/*","HttpMethod":"*","ThrottlingRateLimit":50,"ThrottlingBurstLimit":10},{"ResourcePath":"/~1api~1hello","HttpMethod":"GET","ThrottlingRateLimit":5,"ThrottlingBurstLimit":2}]""",
            settings);
    }
}
