using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Dns;
using Faultline.Core.Faults.HealthOverride;
using Faultline.Core.Faults.HttpResponse;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Faults.Throttle;
using Faultline.Core.Randomness;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Faults;

public sealed class FaultStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly FakeTimeProvider _time = new();

    private FaultStore NewStore(int seed = 42) => new(Some.Topology(), _time, new RandomSource(seed));

    private static FaultSpec Latency(FaultTarget target, double percentage = 100) => new()
    {
        Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) },
        Target = target,
        Percentage = percentage,
    };

    [Fact]
    public void Add_RegionAndFunction_ResolvesOneFunctionAndRaisesApplied()
    {
        var store = NewStore();
        ActiveFault? applied = null;
        store.Applied += (_, e) => applied = e.Fault;

        var fault = store.Add(Latency(new FaultTarget { Region = "us-east-1", Function = "hello" }), "cli", Lease);

        Assert.Equal(["us-east-1/hello"], fault.Targets);
        Assert.Equal("cli", fault.Owner);
        Assert.Equal(_time.GetUtcNow() + Lease, fault.LeaseExpiresAt);
        Assert.Same(fault, applied);
        Assert.Equal([fault], store.Snapshot());
    }

    [Fact]
    public void Add_Route_MatchesFunctionsInEveryRegion()
    {
        var fault = NewStore().Add(Latency(new FaultTarget { Route = "GET /api/health" }), "cli", Lease);

        Assert.Equal(["us-east-1/health", "eu-west-1/health"], fault.Targets);
    }

    [Fact]
    public void Add_UnknownRegion_SuggestsTheClosestAndListsDefined()
    {
        var ex = Assert.Throws<InvalidInputException>(() => NewStore().Add(Latency(new FaultTarget { Region = "us-east1" }), "cli", Lease));

        var message = Assert.Single(ex.Diagnostics).Message;
        Assert.Equal("latency: region 'us-east1' is not defined; did you mean 'us-east-1'? defined regions: us-east-1, eu-west-1", message);
    }

    [Fact]
    public void Add_UnknownFunction_ListsTheRegionsFunctions()
    {
        var ex = Assert.Throws<InvalidInputException>(() => NewStore().Add(Latency(new FaultTarget { Region = "us-east-1", Function = "helo" }), "cli", Lease));

        Assert.Contains("function 'helo' is not defined in region 'us-east-1'; did you mean 'hello'? defined functions: health, hello", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_SeveralProblems_ReportsEveryOne()
    {
        var spec = new FaultSpec { Options = new LatencyFaultOptions(), Target = new FaultTarget { Region = "mars-1" }, Percentage = 150 };

        var ex = Assert.Throws<InvalidInputException>(() => NewStore().Add(spec, "cli", Lease));

        Assert.Equal(3, ex.Diagnostics.Count);
        Assert.Contains(ex.Diagnostics, d => d.Message.Contains("percentage is 150", StringComparison.Ordinal));
        Assert.Contains(ex.Diagnostics, d => d.Message.Contains("neither delay nor both min and max is given", StringComparison.Ordinal));
        Assert.Contains(ex.Diagnostics, d => d.Message.Contains("region 'mars-1' is not defined", StringComparison.Ordinal));
    }

    public static TheoryData<FaultOptions, string> InvalidOptions => new()
    {
        { new LatencyFaultOptions { Min = TimeSpan.FromSeconds(5), Max = TimeSpan.FromSeconds(1) }, "min" },
        { new HttpResponseFaultOptions { StatusCode = 700 }, "statusCode is 700" },
        { new ThrottleFaultOptions { Concurrency = -1 }, "concurrency is -1" },
        { new NetworkFaultOptions { Mode = NetworkMode.Latency }, "mode latency needs delay" },
        { new DnsFaultOptions { Mode = DnsFaultMode.Delay }, "mode delay needs delay" },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Add_InvalidOptions_Throws(FaultOptions options, string expected)
    {
        var spec = new FaultSpec { Options = options, Target = new FaultTarget { Region = "us-east-1", Record = "api.example.test" } };

        var ex = Assert.Throws<InvalidInputException>(() => NewStore().Add(spec, "cli", Lease));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_UnknownRecordOrCheckOrLocation_ListsDefinedNames()
    {
        var store = NewStore();
        var dns = Assert.Throws<InvalidInputException>(() => store.Add(new FaultSpec { Options = new DnsFaultOptions(), Target = new FaultTarget { Record = "api.exmple.test" } }, "cli", Lease));
        var health = Assert.Throws<InvalidInputException>(() => store.Add(new FaultSpec { Options = new HealthOverrideFaultOptions(), Target = new FaultTarget { HealthCheck = "hc-uk" } }, "cli", Lease));
        var network = Assert.Throws<InvalidInputException>(() => store.Add(new FaultSpec { Options = new NetworkFaultOptions(), Target = new FaultTarget { Region = "us-east-1", FromLocations = ["ap-south-1"] } }, "cli", Lease));

        Assert.Contains("did you mean 'api.example.test'?", dns.Message, StringComparison.Ordinal);
        Assert.Contains("defined health checks: hc-us, hc-eu", health.Message, StringComparison.Ordinal);
        Assert.Contains("location 'ap-south-1' is not defined", network.Message, StringComparison.Ordinal);
        Assert.Empty(store.Snapshot());
    }

    [Fact]
    public void Add_DnsRecordWithTrailingDot_ResolvesNormalizedName()
    {
        var fault = NewStore().Add(new FaultSpec { Options = new DnsFaultOptions(), Target = new FaultTarget { Record = "API.example.test." } }, "cli", Lease);

        Assert.Equal(["api.example.test"], fault.Targets);
    }

    [Fact]
    public void Add_NonPositiveLease_Throws()
    {
        Assert.Throws<InvalidInputException>(() => NewStore().Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.Zero));
    }

    [Fact]
    public void Add_LeaseLongerThanTheMaximum_IsRejectedNamingTheMaximumAndTheFix()
    {
        var store = NewStore();

        var ex = Assert.Throws<InvalidInputException>(() => store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.FromHours(1_000_000)));

        Assert.Equal(
            "lease is 1000000h, longer than the maximum lease of 1h of lab time; give 1h or less (e.g. 10m) and renew it before it lapses to keep it longer",
            Assert.Single(ex.Diagnostics).Message);
        Assert.Empty(store.All);
    }

    [Fact]
    public void Add_LeaseOfExactlyTheMaximum_IsAccepted()
    {
        var fault = NewStore().Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.FromHours(1));

        Assert.Equal(TimeSpan.FromHours(1), fault.LeaseExpiresAt - fault.AppliedAt);
    }

    [Fact]
    public void Add_LeaseThatWouldOverflowTheClock_IsRejectedAsInput()
    {
        var store = NewStore();

        var ex = Assert.Throws<InvalidInputException>(() => store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.MaxValue));

        Assert.Contains("longer than the maximum lease of 1h", ex.Message, StringComparison.Ordinal);
        Assert.Empty(store.All);
    }

    [Fact]
    public void Add_NegativeLease_SaysALeaseMustBePositive()
    {
        var ex = Assert.Throws<InvalidInputException>(() => NewStore().Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.FromSeconds(-5)));

        Assert.Equal("lease is -5s; a lease must be positive and at most 1h of lab time (e.g. 10m)", Assert.Single(ex.Diagnostics).Message);
    }

    [Fact]
    public void Add_ClockAtTheEndOfTime_LeaseExpiryDoesNotOverflow()
    {
        _time.SetUtcNow(DateTimeOffset.MaxValue - TimeSpan.FromMinutes(5));

        var fault = NewStore().Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", Lease);

        Assert.Equal(DateTimeOffset.MaxValue, fault.LeaseExpiresAt);
    }

    [Fact]
    public void Renew_LeaseLongerThanTheMaximum_IsRejectedAndKeepsTheOldLease()
    {
        var store = NewStore();
        var fault = store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", Lease);

        var ex = Assert.Throws<InvalidInputException>(() => store.Renew(fault.Id, TimeSpan.MaxValue));

        Assert.Contains("longer than the maximum lease of 1h", ex.Message, StringComparison.Ordinal);
        Assert.Equal(fault.LeaseExpiresAt, Assert.Single(store.All).LeaseExpiresAt);
    }

    [Fact]
    public void Renew_ClockAtTheEndOfTime_LeaseExpiryDoesNotOverflow()
    {
        _time.SetUtcNow(DateTimeOffset.MaxValue - TimeSpan.FromMinutes(15));
        var store = NewStore();
        var fault = store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", Lease);
        _time.Advance(TimeSpan.FromMinutes(5));

        var renewed = store.Renew(fault.Id, TimeSpan.FromMinutes(30));

        Assert.Equal(DateTimeOffset.MaxValue, renewed?.LeaseExpiresAt);
    }

    public static TheoryData<FaultOptions, string> OverlongDelays => new()
    {
        { new LatencyFaultOptions { Delay = TimeSpan.FromHours(1_000_000) }, "latency: delay is 1000000h; it must be at most 15m (a Lambda function's longest timeout)" },
        { new LatencyFaultOptions { Min = TimeSpan.FromSeconds(1), Max = TimeSpan.FromMinutes(16) }, "latency: max is 16m; it must be at most 15m (a Lambda function's longest timeout)" },
        { new NetworkFaultOptions { Mode = NetworkMode.Latency, Delay = TimeSpan.FromHours(2) }, "network: delay is 2h; it must be at most 15m (a Lambda function's longest timeout)" },
        { new DnsFaultOptions { Mode = DnsFaultMode.Delay, Delay = TimeSpan.FromDays(1) }, "dns: delay is 24h; it must be at most 15m (a Lambda function's longest timeout)" },
    };

    [Theory]
    [MemberData(nameof(OverlongDelays))]
    public void Add_DelayLongerThanTheMaximum_IsRejectedAndNothingIsApplied(FaultOptions options, string expected)
    {
        var store = NewStore();
        var spec = new FaultSpec { Options = options, Target = new FaultTarget { Region = "us-east-1", Record = "api.example.test" } };

        var ex = Assert.Throws<InvalidInputException>(() => store.Add(spec, "cli", Lease));

        Assert.Equal(expected, Assert.Single(ex.Diagnostics).Message);
        Assert.Empty(store.All);
    }

    [Fact]
    public void Add_TargetWithNullCollectionsAsJsonCanSend_IsRejectedNotThrown()
    {
        var store = NewStore();
        var spec = new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(1) }, Target = new FaultTarget { Tags = null!, FromLocations = null!, Selection = null! } };

        var ex = Assert.Throws<InvalidInputException>(() => store.Add(spec, "cli", Lease));

        Assert.Equal(
            ["latency: target.tags must be an object of names to values, not null", "latency: target.fromLocations must be a list of locations, not null", "latency: target.selection must be ALL, COUNT(n) or PERCENT(n), not null"],
            ex.Diagnostics.Select(d => d.Message));
        Assert.Empty(store.All);
    }

    [Fact]
    public void Add_SelectionCount_PicksThatManyRepeatablyWithTheSeed()
    {
        var target = new FaultTarget { Selection = new SelectionMode(SelectionModeKind.Count, 1) };

        var first = NewStore(7).Add(Latency(target), "cli", Lease);
        var again = NewStore(7).Add(Latency(target), "cli", Lease);

        Assert.Single(first.Targets);
        Assert.Equal(first.Targets, again.Targets);
    }

    [Fact]
    public void Add_SelectionCount_DifferentSeedsPickDifferentFunctions()
    {
        var target = new FaultTarget { Selection = new SelectionMode(SelectionModeKind.Count, 1) };

        var picks = Enumerable.Range(0, 20).Select(seed => NewStore(seed).Add(Latency(target), "cli", Lease).Targets[0]).Distinct().Count();

        Assert.True(picks > 1, "selection should depend on the seed");
    }

    [Fact]
    public void Add_SelectionPercent_PicksThatShare()
    {
        var fault = NewStore().Add(Latency(new FaultTarget { Selection = new SelectionMode(SelectionModeKind.Percent, 50) }), "cli", Lease);

        Assert.Equal(2, fault.Targets.Count);
    }

    [Fact]
    public void Snapshot_LeaseLapsed_ExcludesFaultBeforeSweep()
    {
        var store = NewStore();
        store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(store.Snapshot());
        Assert.Single(store.All);
    }

    [Fact]
    public void ExpireLapsed_LeaseLapsed_RevertsWithReason()
    {
        var store = NewStore();
        var reverted = new List<FaultRevertedEventArgs>();
        store.Reverted += (_, e) => reverted.Add(e);
        var fault = store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.FromSeconds(30));
        store.Add(Latency(new FaultTarget { Region = "eu-west-1" }), "cli", TimeSpan.FromMinutes(5));

        _time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, store.ExpireLapsed());
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, store.ExpireLapsed());
        var e = Assert.Single(reverted);
        Assert.Equal(fault.Id, e.Fault.Id);
        Assert.Equal(FaultRevertReason.LeaseExpired, e.Reason);
        Assert.Single(store.All);
    }

    [Fact]
    public void Renew_ActiveFault_ExtendsLeaseFromNow()
    {
        var store = NewStore();
        var fault = store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(20));

        var renewed = store.Renew(fault.Id, TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(20));

        Assert.NotNull(renewed);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(10), renewed.LeaseExpiresAt);
        Assert.Equal(0, store.ExpireLapsed());
        Assert.Single(store.Snapshot());
    }

    [Fact]
    public void Renew_UnknownOrLapsed_ReturnsNull()
    {
        var store = NewStore();
        var fault = store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(31));

        Assert.Null(store.Renew("f999", Lease));
        Assert.Null(store.Renew(fault.Id, Lease));
    }

    [Fact]
    public void RemoveByOwner_OtherOwners_KeepTheirFaults()
    {
        var store = NewStore();
        var reasons = new List<FaultRevertReason>();
        store.Reverted += (_, e) => reasons.Add(e.Reason);
        store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "run-1", Lease);
        store.Add(Latency(new FaultTarget { Region = "eu-west-1" }), "run-1", Lease);
        var kept = store.Add(Latency(new FaultTarget { Region = "eu-west-1" }), "cli", Lease);

        Assert.Equal(2, store.RemoveByOwner("run-1"));
        Assert.Equal([kept], store.Snapshot());
        Assert.Equal([FaultRevertReason.OwnerRemoved, FaultRevertReason.OwnerRemoved], reasons);
    }

    [Fact]
    public void Reset_RevertsEverything()
    {
        var store = NewStore();
        var reasons = new List<FaultRevertReason>();
        store.Reverted += (_, e) => reasons.Add(e.Reason);
        store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "run-1", Lease);
        store.Add(Latency(new FaultTarget { Region = "eu-west-1" }), "cli", Lease);

        Assert.Equal(2, store.Reset());
        Assert.Empty(store.Snapshot());
        Assert.All(reasons, r => Assert.Equal(FaultRevertReason.Reset, r));
    }

    [Fact]
    public void Remove_ById_RevertsOnlyThatFault()
    {
        var store = NewStore();
        var removed = store.Add(Latency(new FaultTarget { Region = "us-east-1" }), "cli", Lease);
        var kept = store.Add(Latency(new FaultTarget { Region = "eu-west-1" }), "cli", Lease);

        Assert.True(store.Remove(removed.Id));
        Assert.False(store.Remove(removed.Id));
        Assert.Equal([kept], store.Snapshot());
    }
}
