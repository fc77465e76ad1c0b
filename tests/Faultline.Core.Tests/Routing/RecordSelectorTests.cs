using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;
using Faultline.Core.Topology;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Routing;

public sealed class RecordSelectorTests
{
    private sealed class Health(params string[] unhealthy) : IHealthStatus
    {
        public bool IsHealthy(string checkId) => !unhealthy.Contains(checkId);
    }

    private static readonly RecordSelector Selector = new(Some.Topology().Latency, new RandomSource(1));

    private static DnsRecord Latency => Some.Topology().Dns.FindRecord("api.example.test")!;

    private static DnsRecord Failover(string? secondaryCheck = "hc-eu") => new()
    {
        Name = "api.example.test",
        Routing = RoutingPolicy.Failover,
        Sets =
        [
            new RecordSet { Id = "p", Region = "us-east-1", HealthCheck = "hc-us", Failover = FailoverRole.Primary },
            new RecordSet { Id = "s", Region = "eu-west-1", HealthCheck = secondaryCheck, Failover = FailoverRole.Secondary },
        ],
    };

    private static DnsRecord Weighted(int usWeight, int euWeight) => new()
    {
        Name = "api.example.test",
        Routing = RoutingPolicy.Weighted,
        Sets =
        [
            new RecordSet { Id = "us", Region = "us-east-1", HealthCheck = "hc-us", Weight = usWeight },
            new RecordSet { Id = "eu", Region = "eu-west-1", HealthCheck = "hc-eu", Weight = euWeight },
        ],
    };

    [Theory]
    [InlineData("us-east-1", "us-east-1")]
    [InlineData("eu-west-1", "eu-west-1")]
    public void Select_LatencyAllHealthy_LowestLatencyRegion(string location, string expected)
    {
        var set = Assert.Single(Selector.Select(Latency, location, new Health()));

        Assert.Equal(expected, set.Region);
    }

    [Fact]
    public void Select_LatencyClosestUnhealthy_NextClosestHealthy()
    {
        var set = Assert.Single(Selector.Select(Latency, "us-east-1", new Health("hc-us")));

        Assert.Equal("eu-west-1", set.Region);
    }

    [Fact]
    public void Select_NoSetHealthy_FailsOpenToAllSets()
    {
        var us = Assert.Single(Selector.Select(Latency, "us-east-1", new Health("hc-us", "hc-eu")));
        var eu = Assert.Single(Selector.Select(Latency, "eu-west-1", new Health("hc-us", "hc-eu")));

        Assert.Equal("us-east-1", us.Region);
        Assert.Equal("eu-west-1", eu.Region);
    }

    [Fact]
    public void Select_SetWithoutHealthCheck_AlwaysHealthy()
    {
        var record = Latency with { Sets = [Latency.Sets[0], Latency.Sets[1] with { HealthCheck = null }] };

        var set = Assert.Single(Selector.Select(record, "us-east-1", new Health("hc-us", "hc-eu")));

        Assert.Equal("eu-west-1", set.Region);
    }

    [Theory]
    [InlineData(new string[0], "us-east-1")]
    [InlineData(new[] { "hc-us" }, "eu-west-1")]
    [InlineData(new[] { "hc-us", "hc-eu" }, "us-east-1")]
    [InlineData(new[] { "hc-eu" }, "us-east-1")]
    public void Select_Failover_PrimaryIfHealthyElseSecondaryElsePrimary(string[] unhealthy, string expected)
    {
        var set = Assert.Single(Selector.Select(Failover(), "eu-west-1", new Health(unhealthy)));

        Assert.Equal(expected, set.Region);
    }

    [Fact]
    public void Select_FailoverSecondaryWithoutCheck_UsedWhenPrimaryUnhealthy()
    {
        var set = Assert.Single(Selector.Select(Failover(secondaryCheck: null), "us-east-1", new Health("hc-us")));

        Assert.Equal("eu-west-1", set.Region);
    }

    [Fact]
    public void Select_Weighted_DistributesByWeightWithSeededSource()
    {
        var selector = new RecordSelector(Some.Topology().Latency, new RandomSource(42));
        var record = Weighted(usWeight: 3, euWeight: 1);

        var us = Enumerable.Range(0, 4000).Count(_ => selector.Select(record, "us-east-1", new Health())[0].Region == "us-east-1");

        Assert.InRange(us, 2850, 3150);
    }

    [Fact]
    public void Select_WeightedUnhealthySet_NeverAnswered()
    {
        var record = Weighted(usWeight: 3, euWeight: 1);

        var regions = Enumerable.Range(0, 200).Select(_ => Selector.Select(record, "us-east-1", new Health("hc-eu"))[0].Region).Distinct();

        Assert.Equal(["us-east-1"], regions);
    }

    [Fact]
    public void Select_WeightedZeroWeight_OnlyAnsweredWhenAllAreZero()
    {
        var someZero = Enumerable.Range(0, 200).Select(_ => Selector.Select(Weighted(0, 1), "us-east-1", new Health())[0].Region).Distinct();
        var allZero = Enumerable.Range(0, 200).Select(_ => Selector.Select(Weighted(0, 0), "us-east-1", new Health())[0].Region).Distinct().Order();

        Assert.Equal(["eu-west-1"], someZero);
        Assert.Equal(["eu-west-1", "us-east-1"], allZero);
    }

    [Fact]
    public void Select_Simple_AnswersItsSet()
    {
        var record = Some.Topology().Dns.FindRecord("api.eu-west-1.example.test")!;

        var set = Assert.Single(Selector.Select(record, "us-east-1", new Health()));

        Assert.Equal("eu-west-1", set.Region);
    }

    // The tables of https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html
    // ("Health checks and weighted routing"): records 1 and 2 weigh 1, record 3 weighs 0.
    private static DnsRecord WeightedWithZero(string? zeroCheck) => new()
    {
        Name = "api.example.test",
        Routing = RoutingPolicy.Weighted,
        Sets =
        [
            new RecordSet { Id = "r1", Region = "us-east-1", HealthCheck = "hc-1", Weight = 1 },
            new RecordSet { Id = "r2", Region = "eu-west-1", HealthCheck = "hc-2", Weight = 1 },
            new RecordSet { Id = "r3", Region = "us-east-1", HealthCheck = zeroCheck, Weight = 0 },
        ],
    };

    [Theory]
    [InlineData(new[] { "hc-1", "hc-2" }, new[] { "r3" })]
    [InlineData(new[] { "hc-1", "hc-2", "hc-3" }, new[] { "r1", "r2" })]
    [InlineData(new[] { "hc-1", "hc-3" }, new[] { "r2" })]
    [InlineData(new[] { "hc-3" }, new[] { "r1", "r2" })]
    [InlineData(new string[0], new[] { "r1", "r2" })]
    public void Select_WeightZeroWithHealthCheck_AnsweredOnlyWhenEveryNonZeroSetIsUnhealthy(string[] unhealthy, string[] expected)
    {
        var answered = Enumerable.Range(0, 200)
            .Select(_ => Assert.Single(Selector.Select(WeightedWithZero("hc-3"), "us-east-1", new Health(unhealthy))).Id)
            .Distinct().Order();

        Assert.Equal(expected, answered);
    }

    [Theory]
    [InlineData(new string[0], new[] { "r1", "r2" })]
    [InlineData(new[] { "hc-1", "hc-2" }, new[] { "r3" })]
    [InlineData(new[] { "hc-1" }, new[] { "r2" })]
    public void Select_WeightZeroWithoutHealthCheck_AnsweredOnlyWhenEveryNonZeroSetIsUnhealthy(string[] unhealthy, string[] expected)
    {
        var answered = Enumerable.Range(0, 200)
            .Select(_ => Assert.Single(Selector.Select(WeightedWithZero(null), "us-east-1", new Health(unhealthy))).Id)
            .Distinct().Order();

        Assert.Equal(expected, answered);
    }

    [Fact]
    public void Select_AllWeightsZero_AnswersEveryHealthySetWithEqualProbability()
    {
        var record = WeightedWithZero("hc-3") with { Sets = [.. WeightedWithZero("hc-3").Sets.Select(s => s with { Weight = 0 })] };

        var counts = Enumerable.Range(0, 3000)
            .Select(_ => Assert.Single(Selector.Select(record, "us-east-1", new Health())).Id)
            .CountBy(id => id)
            .ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(["r1", "r2", "r3"], counts.Keys.Order());
        Assert.All(counts.Values, n => Assert.InRange(n, 850, 1150));
    }

    [Fact]
    public void Select_AliasEvaluatingTargetHealthWithoutHealthCheck_AlwaysHealthyWhateverOtherChecksSay()
    {
        // The API Gateway service stays up under function faults, so nothing takes the us alias out.
        var record = Latency with { Sets = [Latency.Sets[0] with { HealthCheck = null, Alias = new AliasTarget { EvaluateTargetHealth = true } }, Latency.Sets[1]] };

        var set = Assert.Single(Selector.Select(record, "us-east-1", new Health("hc-us")));

        Assert.Equal("us-east-1", set.Region);
    }

    [Fact]
    public void Select_AliasEvaluatingTargetHealthWithUnhealthyHealthCheck_NotAnswered()
    {
        // Health check and target health must both be healthy; the target is, the check is not.
        var record = Latency with { Sets = [Latency.Sets[0] with { Alias = new AliasTarget { EvaluateTargetHealth = true } }, Latency.Sets[1]] };

        var set = Assert.Single(Selector.Select(record, "us-east-1", new Health("hc-us")));

        Assert.Equal("eu-west-1", set.Region);
    }
}
