using Faultline.Core.Sweeps;

namespace Faultline.Core.Tests.Sweeps;

public sealed class SweepPlanTests
{
    [Fact]
    public void Parse_TwoAxes_FirstAxisVariesSlowest()
    {
        var plan = SweepSeedPlan("healthChecks.hc-us.interval=10s,30s", "healthChecks.hc-us.failureThreshold=1,3,5");

        Assert.Equal(
            [
                "hc-us.interval=10s, hc-us.failureThreshold=1",
                "hc-us.interval=10s, hc-us.failureThreshold=3",
                "hc-us.interval=10s, hc-us.failureThreshold=5",
                "hc-us.interval=30s, hc-us.failureThreshold=1",
                "hc-us.interval=30s, hc-us.failureThreshold=3",
                "hc-us.interval=30s, hc-us.failureThreshold=5",
            ],
            plan.Points.Select(p => p.Label));
        Assert.Equal([1, 2, 3, 4, 5, 6], plan.Points.Select(p => p.Number));
        Assert.All(plan.Points, p => Assert.Equal(6, p.Count));
        Assert.Equal("sweep point 5 of 6 (hc-us.interval=30s, hc-us.failureThreshold=3)", plan.Points[4].Describe());
    }

    [Fact]
    public void Parse_ThreeAxes_ProductInOrderGiven()
    {
        var plan = SweepSeedPlan("load.baseline=1m,2m", "dns.records[api.example.test].ttl=10s,60s", "clients.us-customers.connectionReuse=perRequest,keepAlive");

        Assert.Equal(8, plan.Points.Count);
        Assert.Equal(
            ["1m/10s/perRequest", "1m/10s/keepAlive", "1m/60s/perRequest", "1m/60s/keepAlive", "2m/10s/perRequest", "2m/10s/keepAlive", "2m/60s/perRequest", "2m/60s/keepAlive"],
            plan.Points.Select(p => string.Join("/", p.Settings.Select(s => s.Value))));
        Assert.Equal(["load.baseline", "records[api.example.test].ttl", "us-customers.connectionReuse"], plan.Points[0].Settings.Select(s => s.Label));
    }

    [Fact]
    public void Parse_NoArguments_OnePointWithoutSettings()
    {
        var plan = SweepSeedPlan();

        Assert.False(plan.IsSweep);
        var point = Assert.Single(plan.Points);
        Assert.Empty(point.Settings);
        Assert.Equal(string.Empty, point.Label);
    }

    [Fact]
    public void Parse_ShortPathsCollide_LabelsUseFullPaths()
    {
        var plan = SweepSeedPlan("healthChecks.hc-us.interval=10s", "other.hc-us.interval=30s");

        Assert.Equal("healthChecks.hc-us.interval=10s, other.hc-us.interval=30s", Assert.Single(plan.Points).Label);
    }

    [Fact]
    public void Parse_SamePathTwice_IsAnError()
    {
        var result = SweepPlan.Parse(["healthChecks.hc-us.interval=10s", "healthChecks.hc-us.failureThreshold=3", "healthChecks.hc-us.interval=30s"]);

        Assert.Null(result.Plan);
        Assert.Equal(
            ["--set 'healthChecks.hc-us.interval=30s': sets healthChecks.hc-us.interval again (--set 'healthChecks.hc-us.interval=10s' sets it already); give healthChecks.hc-us.interval once, with all its values separated by commas"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Parse_ExactlyMaxPoints_IsAllowed()
    {
        var plan = SweepSeedPlan(Axis("a.b", 10), Axis("c.d", 10), Axis("e.f", 10));

        Assert.Equal(SweepPlan.MaxPoints, plan.Points.Count);
        Assert.Equal("a.b=9, c.d=9, e.f=9", plan.Points[^1].Label);
    }

    [Fact]
    public void Parse_MoreThanMaxPoints_IsAnError()
    {
        var result = SweepPlan.Parse([Axis("a.b", 10), Axis("c.d", 10), Axis("e.f", 11)]);

        Assert.Null(result.Plan);
        Assert.Equal(
            ["--set gives 1,100 sweep points (10 × 10 × 11), more than the 1,000 a sweep may have; sweep fewer values, or split the sweep into several runs"],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Parse_HugeProduct_CountsWithoutOverflow()
    {
        var result = SweepPlan.Parse([Axis("a.b", 100_000), Axis("c.d", 100_000), Axis("e.f", 100_000)]);

        Assert.Equal(
            "--set gives 1,000,000,000,000,000 sweep points (100000 × 100000 × 100000), more than the 1,000 a sweep may have; sweep fewer values, or split the sweep into several runs",
            Assert.Single(result.Diagnostics).ToString());
    }

    [Fact]
    public void Parse_SeveralMalformed_ReportsEach()
    {
        var result = SweepPlan.Parse(["a", "b=", "c.d=1"]);

        Assert.Equal(
            [
                "--set 'a': no '=' between the path and the values; write PATH=V1,V2,…, e.g. --set healthChecks.hc-us.interval=10s,30s",
                "--set 'b=': no values after '='; list the values after '=', separated by commas, e.g. =10s,30s",
            ],
            result.Diagnostics.Select(d => d.ToString()));
        Assert.Throws<Diagnostics.InvalidInputException>(() => result.ThrowIfInvalid());
    }

    private static string Axis(string path, int values) => $"{path}={string.Join(",", Enumerable.Range(0, values))}";

    private static SweepPlan SweepSeedPlan(params string[] arguments) => SweepPlan.Parse(arguments).ThrowIfInvalid();
}
