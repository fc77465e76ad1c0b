using Faultline.Core.Health;
using Xunit;

namespace Faultline.Core.Tests.Health;

public sealed class CheckerLatenciesTests
{
    [Fact]
    public void Find_EveryCheckerRegionToEveryKnownRegion_IsKnownAndBelowRoute53sLimits()
    {
        foreach (var checker in CheckerRegions.All)
        {
            foreach (var region in CheckerLatencies.KnownRegions)
            {
                var oneWay = CheckerLatencies.Find(checker, region);

                // A round trip well inside the 2 s response limit: the table only places checkers, it never fails them.
                Assert.NotNull(oneWay);
                Assert.InRange(oneWay.Value, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
            }
        }
    }

    [Fact]
    public void Find_IsSymmetricBetweenCheckerRegions()
    {
        foreach (var a in CheckerRegions.All)
        {
            foreach (var b in CheckerRegions.All)
            {
                Assert.Equal(CheckerLatencies.Find(a, b), CheckerLatencies.Find(b, a));
            }
        }
    }

    [Fact]
    public void Find_UnknownRegionOrNotACheckerRegion_IsNull()
    {
        Assert.Null(CheckerLatencies.Find("sa-east-1", "lab-west"));
        Assert.Null(CheckerLatencies.Find("eu-central-1", "us-east-1"));
        Assert.Equal(TimeSpan.FromMilliseconds(57.5), CheckerLatencies.Find("sa-east-1", "us-east-1"));
    }
}
