using Faultline.Core.Faults;
using Faultline.Core.Faults.Network;
using Faultline.Core.Gateway;
using Faultline.Core.Randomness;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Gateway;

public sealed class NetworkPolicyTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly FaultStore _faults;
    private readonly NetworkPolicy _policy;

    public NetworkPolicyTests()
    {
        var topology = Some.Topology();
        _faults = new FaultStore(topology, _time, new RandomSource(1));
        _policy = new NetworkPolicy(topology, _faults, new RandomSource(2));
    }

    private void Add(NetworkFaultOptions options, string region, IReadOnlyList<string>? from = null, double percentage = 100) =>
        _faults.Add(new FaultSpec { Options = options, Target = new FaultTarget { Region = region, FromLocations = from ?? [] }, Percentage = percentage }, "test", TimeSpan.FromHours(1));

    [Fact]
    public void OneWayLatency_KnownAndUnknownCallers()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(40), _policy.OneWayLatency("eu-west-1", "us-east-1"));
        Assert.Equal(TimeSpan.FromMilliseconds(8), _policy.OneWayLatency("us-east-1", "us-east-1"));
        Assert.Equal(TimeSpan.Zero, _policy.OneWayLatency(null, "us-east-1"));
    }

    [Fact]
    public void Decide_NoFaults_Delivers()
    {
        Assert.Same(NetworkDecision.Clean, _policy.Decide("us-east-1", "us-east-1"));
    }

    [Fact]
    public void Decide_BlackholeFromOneLocation_OnlyAffectsThatLocationAndRegion()
    {
        Add(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, "us-east-1", ["eu-west-1"]);

        Assert.Equal(NetworkAction.Blackhole, _policy.Decide("us-east-1", "eu-west-1").Action);
        Assert.Equal(NetworkAction.Deliver, _policy.Decide("us-east-1", "us-east-1").Action);
        Assert.Equal(NetworkAction.Deliver, _policy.Decide("us-east-1", null).Action);
        Assert.Equal(NetworkAction.Deliver, _policy.Decide("eu-west-1", "eu-west-1").Action);
    }

    [Fact]
    public void Decide_BlackholeWinsOverResetAndLatencyAdds()
    {
        Add(new NetworkFaultOptions { Mode = NetworkMode.Reset }, "us-east-1");
        Add(new NetworkFaultOptions { Mode = NetworkMode.Latency, Delay = TimeSpan.FromMilliseconds(100) }, "us-east-1");
        Assert.Equal(NetworkAction.Reset, _policy.Decide("us-east-1", "us-east-1").Action);

        Add(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, "us-east-1");
        var decision = _policy.Decide("us-east-1", "us-east-1");

        Assert.Equal(NetworkAction.Blackhole, decision.Action);
        Assert.Equal(TimeSpan.FromMilliseconds(100), decision.ExtraLatency);
        Assert.Equal(3, decision.Faults.Count);
    }

    [Fact]
    public void Decide_Percentage_DrawnPerRequest()
    {
        Add(new NetworkFaultOptions { Mode = NetworkMode.Reset }, "us-east-1", percentage: 25);

        var resets = Enumerable.Range(0, 1000).Count(_ => _policy.Decide("us-east-1", "us-east-1").Action == NetworkAction.Reset);

        Assert.InRange(resets, 180, 320);
    }
}
