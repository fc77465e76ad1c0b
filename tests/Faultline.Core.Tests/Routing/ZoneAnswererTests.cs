using System.Net;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;
using Faultline.Core.Topology;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Routing;

public sealed class ZoneAnswererTests
{
    private readonly FakeFaultState _faults = new();
    private readonly HealthRegistry _health;
    private readonly ZoneAnswerer _answerer;

    public ZoneAnswererTests()
    {
        _health = new HealthRegistry(Some.Topology(), new FakeTimeProvider(), _faults);
        _answerer = new ZoneAnswerer(Some.Topology(), _health, _faults, new RandomSource(7));
    }

    [Theory]
    [InlineData("us-east-1", "127.0.1.1")]
    [InlineData("eu-west-1", "127.0.2.1")]
    [InlineData(null, "127.0.1.1")]
    public void Answer_LatencyRecord_GatewayAddressOfClosestRegionWithRecordTtl(string? location, string expected)
    {
        var outcome = _answerer.Answer(new DnsQuery("API.example.test.", "A", location));

        Assert.Equal(DnsOutcomeKind.Answer, outcome.Kind);
        Assert.Equal([IPAddress.Parse(expected)], outcome.Addresses);
        Assert.Equal(TimeSpan.FromSeconds(60), outcome.Ttl);
        Assert.Equal("api.example.test", outcome.Name);
        Assert.Equal(location ?? "us-east-1", outcome.Location);
    }

    [Fact]
    public void Answer_LatencyRecordFromACheckerRegionThatIsNoLocation_AnswersForThatCheckerRegion()
    {
        // ap-southeast-1's health checkers are nearer eu-west-1 (CheckerLatencies); they are not the first location.
        var seed = Some.Topology();
        var topology = seed with
        {
            Latency = new LatencyMatrix(seed.Latency.Entries.Concat(
            [
                new(("ap-southeast-1", "us-east-1"), CheckerLatencies.Find("ap-southeast-1", "us-east-1")!.Value),
                new(("ap-southeast-1", "eu-west-1"), CheckerLatencies.Find("ap-southeast-1", "eu-west-1")!.Value),
            ])),
        };
        var answerer = new ZoneAnswerer(topology, _health, _faults, new RandomSource(7));

        var outcome = answerer.Answer(new DnsQuery("api.example.test", "A", "ap-southeast-1"));

        Assert.Equal([IPAddress.Parse("127.0.2.1")], outcome.Addresses);
        Assert.Equal("ap-southeast-1", outcome.Location);
    }

    [Fact]
    public void Answer_ClosestRegionUnhealthy_OtherRegion()
    {
        for (var c = 0; c < 16; c++)
        {
            for (var i = 0; i < 3; i++)
            {
                _health.Record("hc-us", c, success: false);
            }
        }

        var outcome = _answerer.Answer(new DnsQuery("api.example.test", "A", "us-east-1"));

        Assert.Equal(["eu-west-1"], outcome.Regions);
    }

    [Fact]
    public void Answer_UnknownNameInZone_NxDomain()
    {
        Assert.Equal(DnsOutcomeKind.NxDomain, _answerer.Answer(new DnsQuery("nope.example.test", "A", "us-east-1")).Kind);
    }

    [Theory]
    [InlineData("api.example.test", "AAAA")]
    [InlineData("example.test", "A")]
    public void Answer_KnownNameOtherType_NoData(string name, string type)
    {
        var outcome = _answerer.Answer(new DnsQuery(name, type, "us-east-1"));

        Assert.Equal(DnsOutcomeKind.NoData, outcome.Kind);
        Assert.Empty(outcome.Addresses);
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("notexample.test")]
    public void Answer_OutsideZone_Refused(string name)
    {
        Assert.Equal(DnsOutcomeKind.Refused, _answerer.Answer(new DnsQuery(name, "A", "us-east-1")).Kind);
    }

    [Theory]
    [InlineData(DnsFaultMode.Servfail, DnsOutcomeKind.ServFail)]
    [InlineData(DnsFaultMode.Nxdomain, DnsOutcomeKind.NxDomain)]
    public void Answer_DnsFaultOnRecord_FaultOutcome(DnsFaultMode mode, DnsOutcomeKind expected)
    {
        _faults.Faults.Add(FakeFaultState.Fault(new DnsFaultOptions { Mode = mode }, "api.example.test"));

        var faulted = _answerer.Answer(new DnsQuery("api.example.test", "A", "us-east-1"));
        var other = _answerer.Answer(new DnsQuery("api.us-east-1.example.test", "A", "us-east-1"));

        Assert.Equal(expected, faulted.Kind);
        Assert.Equal("f-api.example.test", faulted.FaultId);
        Assert.Equal(DnsOutcomeKind.Answer, other.Kind);
    }

    [Fact]
    public void Answer_DelayFault_AnswersWithDelay()
    {
        _faults.Faults.Add(FakeFaultState.Fault(new DnsFaultOptions { Mode = DnsFaultMode.Delay, Delay = TimeSpan.FromSeconds(3) }, "api.example.test"));

        var outcome = _answerer.Answer(new DnsQuery("api.example.test", "A", "us-east-1"));

        Assert.Equal(DnsOutcomeKind.Answer, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), outcome.Delay);
    }

    [Fact]
    public void Answer_DnsFaultAtFiftyPercent_AffectsAboutHalfOfQueries()
    {
        _faults.Faults.Add(FakeFaultState.Fault(new DnsFaultOptions(), "api.example.test", percentage: 50));

        var failed = Enumerable.Range(0, 2000).Count(_ => _answerer.Answer(new DnsQuery("api.example.test", "A", "us-east-1")).Kind == DnsOutcomeKind.ServFail);

        Assert.InRange(failed, 850, 1150);
    }

    [Fact]
    public void Answer_AliasSet_CarriesTheTargetsTtlNotTheRecords()
    {
        var topology = AliasTopology(new AliasTarget { EvaluateTargetHealth = true });
        var answerer = new ZoneAnswerer(topology, new HealthRegistry(topology, new FakeTimeProvider(), _faults), _faults, new RandomSource(7));

        var outcome = answerer.Answer(new DnsQuery("api.example.test", "A", "us-east-1"));

        Assert.Equal(["us-east-1"], outcome.Regions);
        Assert.Equal(AliasTarget.TargetTtl, outcome.Ttl);
        Assert.Equal(TimeSpan.FromSeconds(60), AliasTarget.TargetTtl);
    }

    [Fact]
    public void Answer_PlainSetOfRecordMixingAliases_CarriesTheRecordsTtl()
    {
        var topology = AliasTopology(alias: null);
        var answerer = new ZoneAnswerer(topology, new HealthRegistry(topology, new FakeTimeProvider(), _faults), _faults, new RandomSource(7));

        Assert.Equal(TimeSpan.FromSeconds(5), answerer.Answer(new DnsQuery("api.example.test", "A", "us-east-1")).Ttl);
        Assert.Equal(AliasTarget.TargetTtl, answerer.Answer(new DnsQuery("api.example.test", "A", "eu-west-1")).Ttl);
    }

    // The seed with a 5 s TTL on api.example.test, its us set as given and its eu set an alias.
    private static Faultline.Core.Topology.Topology AliasTopology(AliasTarget? alias)
    {
        var seed = Some.Topology();
        var record = seed.Dns.FindRecord("api.example.test")!;
        var changed = record with
        {
            Ttl = TimeSpan.FromSeconds(5),
            Sets = [record.Sets[0] with { Alias = alias }, record.Sets[1] with { Alias = new AliasTarget { EvaluateTargetHealth = true } }],
        };
        return seed with { Dns = seed.Dns with { Records = [.. seed.Dns.Records.Select(r => r.Name == record.Name ? changed : r)] } };
    }
}
