using Faultline.Core.Faults.HealthOverride;
using Faultline.Core.Health;
using Faultline.Core.Tests.Routing;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Health;

public sealed class HealthRegistryTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static void FailAll(HealthRegistry registry, string checkId, int checkers = 16, int threshold = 3)
    {
        for (var c = 0; c < checkers; c++)
        {
            for (var i = 0; i < threshold; i++)
            {
                registry.Record(checkId, c, success: false);
            }
        }
    }

    [Fact]
    public void IsHealthy_NewRegistry_EveryCheckHealthy()
    {
        var registry = new HealthRegistry(Some.Topology(), _time);

        Assert.True(registry.IsHealthy("hc-us"));
        Assert.True(registry.IsHealthy("hc-eu"));
        Assert.True(registry.IsHealthy("unknown"));
    }

    [Fact]
    public void Record_FleetTurnsUnhealthy_RaisesTransitionOnceWithTimeAndPercentage()
    {
        var registry = new HealthRegistry(Some.Topology(), _time);
        var transitions = new List<HealthTransition>();
        registry.Transitioned += (_, t) => transitions.Add(t);
        _time.Advance(TimeSpan.FromSeconds(90));

        FailAll(registry, "hc-us");

        var transition = Assert.Single(transitions);
        Assert.Equal("hc-us", transition.CheckId);
        Assert.False(transition.Healthy);
        Assert.Equal(_time.GetUtcNow(), transition.At);
        Assert.Equal(12.5, transition.PercentageHealthy); // 14th checker flipped it: 2 of 16 left
        Assert.False(registry.IsHealthy("hc-us"));
        Assert.Equal(0, registry.PercentageHealthy("hc-us"));
        Assert.Equal(0, registry.Status("hc-us"));
        Assert.Equal(1, registry.Status("hc-eu"));
        Assert.True(registry.IsHealthy("hc-eu"));
    }

    [Fact]
    public void Record_CheckersFlipOneByOne_RaisesTheShareOncePerFlipBeforeTheCheckFlips()
    {
        var registry = new HealthRegistry(Some.Topology(), _time);
        var raised = new List<string>();
        registry.ShareChanged += (_, share) => raised.Add($"{share.CheckId} {share.PercentageHealthy}");
        registry.Transitioned += (_, t) => raised.Add($"{t.CheckId} {(t.Healthy ? "healthy" : "unhealthy")}");

        // A failure below the threshold changes no checker's view; the third in a row does.
        registry.Record("hc-us", 0, success: false);
        registry.Record("hc-us", 0, success: false);
        Assert.Empty(raised);
        FailAll(registry, "hc-us");

        // 16 checkers: each flip moves the share by 6.25%; the 14th leaves 12.5%, under 18%, and the check turns unhealthy right after.
        Assert.Equal(17, raised.Count);
        Assert.Equal("hc-us 93.75", raised[0]);
        Assert.Equal(["hc-us 12.5", "hc-us unhealthy", "hc-us 6.25", "hc-us 0"], raised[13..]);
    }

    [Fact]
    public void IsHealthy_PropagationDelay_ShowsStatusAsItWasDelayAgo()
    {
        var topology = Some.Topology() with { Dns = Some.Topology().Dns with { PropagationDelay = TimeSpan.FromSeconds(60) } };
        var registry = new HealthRegistry(topology, _time);

        FailAll(registry, "hc-us");
        Assert.False(registry.CurrentStatus("hc-us"));
        Assert.True(registry.IsHealthy("hc-us"));

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(registry.IsHealthy("hc-us"));

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(registry.IsHealthy("hc-us"));
    }

    [Fact]
    public void IsHealthy_NoPropagationDelay_ChangeVisibleAtOnce()
    {
        var registry = new HealthRegistry(Some.Topology(), _time);

        FailAll(registry, "hc-us");

        Assert.False(registry.IsHealthy("hc-us"));
    }

    [Theory]
    [InlineData(HealthOverrideStatus.Unhealthy, false)]
    [InlineData(HealthOverrideStatus.Healthy, true)]
    public void IsHealthy_OverrideFault_ForcesStatus(HealthOverrideStatus status, bool expected)
    {
        var faults = new FakeFaultState();
        var registry = new HealthRegistry(Some.Topology(), _time, faults);
        if (status == HealthOverrideStatus.Healthy)
        {
            FailAll(registry, "hc-us");
        }

        faults.Faults.Add(FakeFaultState.Fault(new HealthOverrideFaultOptions { Status = status }, "hc-us"));

        Assert.Equal(expected, registry.IsHealthy("hc-us"));
        Assert.Equal(expected, registry.CurrentStatus("hc-us"));
        Assert.True(registry.IsHealthy("hc-eu"));
    }

    [Fact]
    public void Refresh_OverrideApplied_RaisesTransition()
    {
        var faults = new FakeFaultState();
        var registry = new HealthRegistry(Some.Topology(), _time, faults);
        var transitions = new List<HealthTransition>();
        registry.Transitioned += (_, t) => transitions.Add(t);

        faults.Faults.Add(FakeFaultState.Fault(new HealthOverrideFaultOptions(), "hc-eu"));
        registry.Refresh();

        var transition = Assert.Single(transitions);
        Assert.Equal("hc-eu", transition.CheckId);
        Assert.False(transition.Healthy);
        Assert.Equal(100, transition.PercentageHealthy);
    }
}
