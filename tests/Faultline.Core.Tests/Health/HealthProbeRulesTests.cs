using System.Text;
using Faultline.Core.Health;
using Faultline.Core.Topology;
using Xunit;

namespace Faultline.Core.Tests.Health;

// Route 53's rules for one probe: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
public sealed class HealthProbeRulesTests
{
    private const string Needle = "healthy";

    private static readonly HealthCheckConfig Http = new() { Id = "hc", Fqdn = "api.us-east-1.example.test", Type = HealthCheckType.Http };

    private static readonly HealthCheckConfig StrMatch = new() { Id = "hc", Fqdn = "api.us-east-1.example.test", Type = HealthCheckType.HttpStrMatch, SearchString = Needle };

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(299)]
    [InlineData(300)]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(304)]
    [InlineData(399)]
    public void Judge_2xxOr3xx_Passes(int status)
    {
        Assert.Null(HealthProbeRules.Judge(Http, status, []));
    }

    [Theory]
    [InlineData(199)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    [InlineData(503)]
    public void Judge_OtherStatus_FailsWithTheStatus(int status)
    {
        Assert.Equal($"Failure: HTTP Status Code {status}", HealthProbeRules.Judge(Http, status, []));
    }

    [Fact]
    public void Judge_StrMatchWith3xxAndTheString_Passes()
    {
        Assert.Null(HealthProbeRules.Judge(StrMatch, 302, Encoding.UTF8.GetBytes("moved, but healthy")));
    }

    [Fact]
    public void Judge_StringEndingExactlyAtByte5120_Passes()
    {
        var body = Body(HealthProbeRules.SearchBytes - Needle.Length);

        Assert.Equal(5120, Encoding.UTF8.GetString(body).IndexOf(Needle, StringComparison.Ordinal) + Needle.Length);
        Assert.Null(HealthProbeRules.Judge(StrMatch, 200, body));
    }

    [Fact]
    public void Judge_StringEndingAtByte5121_Fails()
    {
        var body = Body(HealthProbeRules.SearchBytes - Needle.Length + 1);

        Assert.Equal("Failure: search string not found in the first 5,120 bytes", HealthProbeRules.Judge(StrMatch, 200, body));
    }

    [Fact]
    public void Judge_StringStartingAtByte5120_Fails()
    {
        var body = Body(HealthProbeRules.SearchBytes);

        Assert.Equal("Failure: search string not found in the first 5,120 bytes", HealthProbeRules.Judge(StrMatch, 200, body));
    }

    [Theory]
    [InlineData(HealthCheckType.Http, 4)]
    [InlineData(HealthCheckType.Https, 4)]
    [InlineData(HealthCheckType.HttpStrMatch, 4)]
    [InlineData(HealthCheckType.HttpsStrMatch, 4)]
    [InlineData(HealthCheckType.Tcp, 10)]
    public void ConnectTimeout_ByType_IsRoute53sLimit(HealthCheckType type, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), HealthProbeRules.ConnectTimeout(type));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(3999, true)]
    [InlineData(4000, true)]
    [InlineData(4001, false)]
    public void ConnectedInTime_HttpCheck_WithinFourSeconds(int milliseconds, bool expected)
    {
        Assert.Equal(expected, HealthProbeRules.ConnectedInTime(Http, TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Fact]
    public void ConnectedInTime_NeverConnected_Fails()
    {
        Assert.False(HealthProbeRules.ConnectedInTime(Http, null));
    }

    // The body: `padding` bytes of 'x', then the search string, then more 'x' so the body is longer than Route 53 reads.
    private static byte[] Body(int padding) =>
        Encoding.UTF8.GetBytes(new string('x', padding) + Needle + new string('x', 100));
}
