using Faultline.Core.Health;
using Faultline.Core.Topology;
using Xunit;

namespace Faultline.Core.Tests.Health;

public sealed class HealthCheckStateTests
{
    private static HealthCheckConfig Check(int checkers = 16, int threshold = 3, bool inverted = false, bool disabled = false) => new()
    {
        Id = "hc",
        Fqdn = "api.us-east-1.example.test",
        Checkers = checkers,
        FailureThreshold = threshold,
        Inverted = inverted,
        Disabled = disabled,
    };

    private static void FailCheckers(HealthCheckState state, int count)
    {
        for (var c = 0; c < count; c++)
        {
            for (var i = 0; i < state.Config.FailureThreshold; i++)
            {
                state.Record(c, success: false);
            }
        }
    }

    [Fact]
    public void New_NewCheck_IsHealthyWithAllCheckersHealthy()
    {
        var state = new HealthCheckState(Check());

        Assert.True(state.IsHealthy);
        Assert.Equal(100, state.PercentageHealthy);
        Assert.Equal(1, state.Status);
    }

    [Fact]
    public void Record_FailuresBelowThreshold_ViewUnchanged()
    {
        var state = new HealthCheckState(Check(threshold: 3));

        Assert.False(state.Record(0, success: false));
        Assert.False(state.Record(0, success: false));

        Assert.True(state.CheckerView(0));
    }

    [Fact]
    public void Record_ThresholdConsecutiveFailures_ViewFlipsToUnhealthy()
    {
        var state = new HealthCheckState(Check(threshold: 3));

        state.Record(0, success: false);
        state.Record(0, success: false);
        var flipped = state.Record(0, success: false);

        Assert.True(flipped);
        Assert.False(state.CheckerView(0));
    }

    [Fact]
    public void Record_SuccessInterruptsStreak_ViewUnchanged()
    {
        var state = new HealthCheckState(Check(threshold: 3));

        state.Record(0, success: false);
        state.Record(0, success: false);
        state.Record(0, success: true);
        state.Record(0, success: false);

        Assert.True(state.CheckerView(0));
    }

    [Fact]
    public void Record_ThresholdConsecutiveSuccessesAfterUnhealthy_ViewFlipsBackToHealthy()
    {
        var state = new HealthCheckState(Check(threshold: 2));
        state.Record(0, success: false);
        state.Record(0, success: false);

        state.Record(0, success: true);
        Assert.False(state.CheckerView(0));
        state.Record(0, success: true);

        Assert.True(state.CheckerView(0));
    }

    [Theory]
    [InlineData(13, true)] // 3 of 16 healthy = 18.75% > 18%
    [InlineData(14, false)] // 2 of 16 healthy = 12.5%
    public void IsHealthy_SixteenCheckers_HealthyWhileMoreThanEighteenPercent(int failed, bool expected)
    {
        var state = new HealthCheckState(Check(checkers: 16, threshold: 1));

        FailCheckers(state, failed);

        Assert.Equal(expected, state.IsHealthy);
    }

    [Fact]
    public void IsHealthy_ExactlyEighteenPercentHealthy_Unhealthy()
    {
        var state = new HealthCheckState(Check(checkers: 50, threshold: 1));

        FailCheckers(state, 41); // 9 of 50 = exactly 18%

        Assert.Equal(18, state.PercentageHealthy, 6);
        Assert.False(state.IsHealthy);
        Assert.Equal(0, state.Status);
    }

    [Fact]
    public void IsHealthy_Inverted_NewCheckUnhealthyAndFailingCheckHealthy()
    {
        var state = new HealthCheckState(Check(checkers: 4, threshold: 1, inverted: true));
        Assert.False(state.IsHealthy);

        FailCheckers(state, 4);

        Assert.True(state.IsHealthy);
    }

    [Fact]
    public void IsHealthy_Disabled_AlwaysHealthy()
    {
        var state = new HealthCheckState(Check(checkers: 4, threshold: 1, disabled: true));

        FailCheckers(state, 4);

        Assert.True(state.IsHealthy);
        Assert.Equal(0, state.PercentageHealthy);
    }
}
