using Faultline.Core.Faults;
using Faultline.Lab.Runs;

namespace Faultline.Lab.Tests.Runs;

public sealed class RunOptionsTests
{
    private static RunOptions Options() => new()
    {
        TimeScale = 20,
        Seed = 1,
        ExperimentPath = "e.yaml",
        ExperimentText = string.Empty,
        TopologyPath = "t.yaml",
        TopologyText = string.Empty,
    };

    [Theory]
    [InlineData(20, 200)]
    [InlineData(5, 50)]
    [InlineData(2, 30)]
    [InlineData(1, 30)]
    public void EffectiveLease_DefaultLease_LastsAtLeastTenSecondsOfWallTime(double timeScale, double labSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(labSeconds), Options().EffectiveLease(timeScale));
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(1e12)]
    public void EffectiveLease_HugeScale_IsTheLabsMaximumLease(double timeScale)
    {
        Assert.Equal(FaultLimits.MaximumLease, Options().EffectiveLease(timeScale));
    }
}
