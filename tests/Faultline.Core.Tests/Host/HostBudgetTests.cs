using Faultline.Core.Host;
using Faultline.Core.Topology;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Host;

public sealed class HostBudgetTests
{
    [Fact]
    public void For_SeedTopology_IsHalfTheHealthProbesResponseLimit()
    {
        var budget = HostBudget.For(Some.Topology(), 20);

        Assert.Equal(TimeSpan.FromSeconds(2), budget.Deadline);
        Assert.Equal("hc-us's 2s response limit", budget.DeadlineName);
        Assert.Equal(TimeSpan.FromSeconds(1), budget.Allowance);
        Assert.Equal(TimeSpan.FromMilliseconds(50), budget.WallAllowance);
    }

    [Fact]
    public void For_FunctionTimeoutTighterThanTheProbes_TakesTheFunction()
    {
        var topology = Some.Topology();
        var region = topology.Regions[0];
        var tight = region with { Functions = [region.Functions[0] with { Timeout = TimeSpan.FromMilliseconds(500) }, .. region.Functions.Skip(1)] };
        topology = topology with { Regions = [tight, .. topology.Regions.Skip(1)] };

        var budget = HostBudget.For(topology, 5);

        Assert.Equal(TimeSpan.FromMilliseconds(500), budget.Deadline);
        Assert.Equal($"{region.Functions[0].Id}'s 500ms timeout", budget.DeadlineName);
        Assert.Equal(TimeSpan.FromMilliseconds(50), budget.WallAllowance);
    }

    [Fact]
    public void For_TcpChecksOnly_UsesTheirConnectLimitOrTheFunctionsTimeout()
    {
        var topology = Some.Topology();
        topology = topology with { HealthChecks = [.. topology.HealthChecks.Select(c => c with { Type = HealthCheckType.Tcp })] };

        var budget = HostBudget.For(topology, 1);

        // The seed's functions time out after 10s, as long as a TCP check's connect limit.
        Assert.Equal(TimeSpan.FromSeconds(10), budget.Deadline);
    }

    [Fact]
    public void Exceeds_LatenessBeyondTheAllowance_IsImpaired()
    {
        var budget = HostBudget.For(Some.Topology(), 20);
        var start = DateTimeOffset.UnixEpoch;

        Assert.False(budget.Exceeds(new HostSecond { Start = start, Lateness = TimeSpan.FromSeconds(1), Samples = 100 }));
        Assert.True(budget.Exceeds(new HostSecond { Start = start, Lateness = TimeSpan.FromMilliseconds(1001), Samples = 100 }));
    }

    [Theory]
    [InlineData(10, 100)]
    [InlineData(50, 20)]
    [InlineData(400, 2)]
    [InlineData(5000, 1)]
    public void HighestScaleFor_WallLateness_KeepsTheAllowance(int wallMs, double expected)
    {
        var budget = HostBudget.For(Some.Topology(), 20);

        Assert.Equal(expected, budget.HighestScaleFor(TimeSpan.FromMilliseconds(wallMs)));
    }
}
