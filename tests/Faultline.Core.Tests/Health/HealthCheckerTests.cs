using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Health;

public sealed class HealthCheckerTests
{
    [Fact]
    public void Plan_CheckWithoutRegions_SpreadsCheckersOverEveryRoute53CheckerRegion()
    {
        var checkers = HealthChecker.Plan(Some.Topology(), new RandomSource(1)).Where(c => c.Check.Id == "hc-us").ToList();

        // 16 checkers over the 8 checker regions, round-robin: two each, not the topology's two locations.
        Assert.Equal(16, checkers.Count);
        Assert.Equal(CheckerRegions.All, checkers.Take(8).Select(c => c.Location));
        Assert.All(CheckerRegions.All, r => Assert.Equal(2, checkers.Count(c => c.Location == r)));
    }

    [Fact]
    public void Plan_CheckWithRegions_SpreadsCheckersOverThoseRegionsInTurn()
    {
        var topology = Some.Topology();
        topology = topology with { HealthChecks = [topology.HealthChecks[0] with { Regions = ["sa-east-1", "eu-west-1", "ap-northeast-1"], Checkers = 5 }] };

        var checkers = HealthChecker.Plan(topology, new RandomSource(1));

        Assert.Equal(["sa-east-1", "eu-west-1", "ap-northeast-1", "sa-east-1", "eu-west-1"], checkers.Select(c => c.Location));
    }
}
