using Faultline.Core.Health;

namespace Faultline.Core.Tests.Health;

public sealed class HealthWordsTests
{
    [Theory]
    [InlineData(false, 12.5, 16, "hc-us unhealthy: 2 of 16 checkers (13%) see it healthy")]
    [InlineData(true, 100, 16, "hc-us healthy: 16 of 16 checkers (100%) see it healthy")]
    [InlineData(false, 0, 8, "hc-us unhealthy: 0 of 8 checkers (0%) see it healthy")]
    public void Status_SaysHowManyCheckersSeeItHealthy(bool healthy, double percentage, int checkers, string expected) =>
        Assert.Equal(expected, HealthWords.Status("hc-us", healthy, percentage, checkers));
}
