using System.Net;
using Faultline.Core.Addressing;
using Xunit;

namespace Faultline.Core.Tests.Addressing;

public sealed class AddressPlanTests
{
    private readonly AddressPlan _plan = new(["us-east-1", "eu-west-1"]);

    [Fact]
    public void CheckerAddress_Location_IsItsDot200()
    {
        Assert.Equal(IPAddress.Parse("127.0.2.200"), _plan.CheckerAddress("eu-west-1"));
    }

    [Fact]
    public void CheckerAddress_CheckerRegionNotALocation_IsItsOwnAddress()
    {
        // sa-east-1 is the 8th checker region.
        Assert.Equal(IPAddress.Parse("127.1.8.200"), _plan.CheckerAddress("sa-east-1"));
        Assert.Equal(IPAddress.Parse("127.1.2.200"), _plan.CheckerAddress("us-west-1"));
    }

    [Fact]
    public void LocationOf_CheckerRegionsAddress_IsTheCheckerRegion()
    {
        // The lab DNS answers latency records, and the gateways add latency, for where the probe comes from.
        Assert.Equal("sa-east-1", _plan.LocationOf(IPAddress.Parse("127.1.8.200")));
        Assert.Equal("ap-southeast-2", _plan.LocationOf(IPAddress.Parse("127.1.6.200")));
        Assert.Null(_plan.LocationOf(IPAddress.Parse("127.1.9.200")));
    }

    [Fact]
    public void RegionAt_CheckerRegionsDot1_IsNoGateway()
    {
        Assert.Null(_plan.RegionAt(IPAddress.Parse("127.1.1.1")));
        Assert.Equal("us-east-1", _plan.RegionAt(IPAddress.Parse("127.0.1.1")));
    }

    [Fact]
    public void CheckerAddress_NeitherLocationNorCheckerRegion_Throws()
    {
        Assert.Throws<ArgumentException>(() => _plan.CheckerAddress("eu-central-1"));
    }
}
