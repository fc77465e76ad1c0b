using Faultline.Core.Diagnostics;
using Faultline.Core.Topology.Reading;
using Xunit;

namespace Faultline.Core.Tests.Topology.Reading;

public sealed class TopologySourceMapTests
{
    private static readonly TopologySourceMap Map = new(new Dictionary<string, SourceLocation>
    {
        ["healthChecks/hc-us"] = new("t.yaml", 5, 3),
        ["healthChecks/hc-us/fqdn"] = new("t.yaml", 6, 11),
        ["dns/records/api.example.test"] = new("t.yaml", 9, 7),
        ["dns/records/api.example.test/ttl"] = new("t.yaml", 10, 12),
    });

    [Fact]
    public void HealthCheck_WithKey_ReturnsKeyLocation()
    {
        Assert.Equal(new SourceLocation("t.yaml", 6, 11), Map.HealthCheck("hc-us", "fqdn"));
    }

    [Fact]
    public void HealthCheck_KeyNotWritten_FallsBackToCheck()
    {
        Assert.Equal(new SourceLocation("t.yaml", 5, 3), Map.HealthCheck("hc-us", "path"));
    }

    [Fact]
    public void Set_NotRecorded_FallsBackToRecordKey()
    {
        Assert.Equal(new SourceLocation("t.yaml", 10, 12), Map.Set("api.example.test", "us", "ttl"));
    }

    [Fact]
    public void Empty_FindsNothing()
    {
        Assert.Null(TopologySourceMap.Empty.Client("us-customers"));
        Assert.Null(Map.Function("us-east-1", "hello"));
    }
}
