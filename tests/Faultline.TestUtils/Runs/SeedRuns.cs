using Faultline.Core.Faults;
using Faultline.Core.Runs;

namespace Faultline.TestUtils.Runs;

/// <summary>
/// The seed blog's run in pure form: baseline 2m, a 10-minute latency fault on every us-east-1 function (60s delay,
/// so the 10s function timeout answers 502), recovery 3m, 20 requests a second from each population.
/// </summary>
public static class SeedRuns
{
    /// <summary>When the fault starts.</summary>
    public static readonly TimeSpan FaultStart = TimeSpan.FromMinutes(2);

    /// <summary>When the fault ends.</summary>
    public static readonly TimeSpan FaultEnd = TimeSpan.FromMinutes(12);

    /// <summary>When the run ends.</summary>
    public static readonly TimeSpan RunEnd = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The blog's first run: hc-us probes api.eu-west-1.example.test (eu-west-1), so it never flips, DNS never moves,
    /// and us customers get 502s from us-east-1 for the whole fault.
    /// </summary>
    public static SomeRun Misconfigured()
    {
        var run = Common(Some.Topology("api.eu-west-1.example.test"))
            .Probe("hc-us", TimeSpan.Zero, "api.eu-west-1.example.test", "us-east-1", "127.0.2.1", "eu-west-1")
            .Probe("hc-us", TimeSpan.Zero, "api.eu-west-1.example.test", "eu-west-1", "127.0.2.1", "eu-west-1")
            .Traffic("us-customers", TimeSpan.Zero, FaultStart, SomeTraffic.Stats(ok: 20, region: "us-east-1"))
            .Traffic("us-customers", FaultStart, FaultEnd, SomeTraffic.Stats(status5xx: 20, region: "us-east-1", latency: TimeSpan.FromSeconds(10)))
            .Traffic("us-customers", FaultEnd, RunEnd, SomeTraffic.Stats(ok: 20, region: "us-east-1"));
        return run;
    }

    /// <summary>
    /// The fixed run: hc-us probes api.us-east-1.example.test, turns unhealthy 1m28s into the fault, us-east-1's DNS
    /// answer moves to eu-west-1 at once, us customers fail for one TTL more and are then served by eu-west-1; after
    /// the fault hc-us recovers in 30s and DNS moves back.
    /// </summary>
    public static SomeRun Correct()
    {
        var failover = FaultStart + TimeSpan.FromSeconds(88);
        var cached = failover + TimeSpan.FromSeconds(60);
        var back = FaultEnd + TimeSpan.FromSeconds(30);
        return Common(Some.Topology())
            .Probe("hc-us", TimeSpan.Zero, "api.us-east-1.example.test", "us-east-1", "127.0.1.1", "us-east-1")
            .Probe("hc-us", TimeSpan.Zero, "api.us-east-1.example.test", "eu-west-1", "127.0.1.1", "us-east-1")
            .Health("hc-us", failover, healthy: false)
            .Dns("us-east-1", failover, "api.example.test", "eu-west-1")
            .Health("hc-us", back, healthy: true)
            .Dns("us-east-1", back, "api.example.test", "us-east-1")
            .Traffic("us-customers", TimeSpan.Zero, FaultStart, SomeTraffic.Stats(ok: 20, region: "us-east-1"))
            .Traffic("us-customers", FaultStart, cached, SomeTraffic.Stats(status5xx: 20, region: "us-east-1", latency: TimeSpan.FromSeconds(10)))
            .Traffic("us-customers", cached, back, SomeTraffic.Stats(ok: 20, region: "eu-west-1", latency: TimeSpan.FromMilliseconds(90)))
            .Traffic("us-customers", back, RunEnd, SomeTraffic.Stats(ok: 20, region: "us-east-1"));
    }

    private static SomeRun Common(Core.Topology.Topology topology) =>
        new SomeRun(topology)
            .Phases(FaultStart, FaultEnd, RunEnd)
            .Check(SomeChecks.EuUnaffected, SomeChecks.UsServedAfterFailover, SomeChecks.UsHealthCheckTurnsUnhealthy)
            .Event(new RunStateChanged { At = SomeRun.At(TimeSpan.Zero), State = RunState.Running })
            .Probe("hc-eu", TimeSpan.Zero, "api.eu-west-1.example.test", "us-east-1", "127.0.2.1", "eu-west-1")
            .Dns("us-east-1", TimeSpan.Zero, "api.example.test", "us-east-1")
            .Dns("eu-west-1", TimeSpan.Zero, "api.example.test", "eu-west-1")
            .Fault(FaultStart, "f-1", FaultKind.Latency, "us-east-1/health", "us-east-1/hello")
            .Revert(FaultEnd, "f-1")
            .Event(new RunStateChanged { At = SomeRun.At(RunEnd), State = RunState.Completed })
            .Traffic("eu-customers", TimeSpan.Zero, RunEnd, SomeTraffic.Stats(ok: 20, region: "eu-west-1"));
}
