using System.Net;
using Faultline.Core.Faults;
using Faultline.Core.Faults.HealthOverride;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Faults.Network;
using Faultline.Core.Topology;
using Faultline.Lab.Load;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Lab.Tests.Load;

public sealed class LoadGeneratorTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private TestLab? _lab;

    private TestLab Lab => _lab ?? throw new InvalidOperationException("not started");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }
    }

    private async Task StartAsync(Topology topology, double scale = 50, LoadGeneratorOptions? options = null)
    {
        _lab = await TestLab.StartAsync(topology, scale, options);
    }

    private static Task UntilAsync(Func<bool> condition, string what) =>
        Eventually.TrueAsync(condition, Deadline, what, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Start_TwoPopulations_EachServedByItsNearestRegion()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 10), TestLab.Client("eu-west-1", 10)));

        await UntilAsync(() => Lab.Total("us-customers").Status2xx >= 20 && Lab.Total("eu-customers").Status2xx >= 20, "20 answers per population");

        var us = Lab.Total("us-customers");
        var eu = Lab.Total("eu-customers");
        Assert.Equal(us.Responses, us.RegionCount("us-east-1"));
        Assert.Equal(eu.Responses, eu.RegionCount("eu-west-1"));
        Assert.Equal(0, us.Errors + eu.Errors);
        Assert.Equal(1.0, us.SuccessRate);

        // The seed's latencies: 2 × 8 ms in lab time at least, from the intended send (less the histogram's 1%).
        Assert.True(us.Latency(50) >= TimeSpan.FromMilliseconds(15.8), $"p50 {us.Latency(50)}");
        Assert.Equal([IPAddress.Parse("127.0.1.1")], Lab.Load["us-customers"].CurrentAnswer);
        Assert.Equal([IPAddress.Parse("127.0.2.1")], Lab.Load["eu-customers"].CurrentAnswer);
        Assert.Contains(Lab.Answers, a => a.Population == "eu-customers" && a.Previous.Count == 0 && a.Current.SequenceEqual([IPAddress.Parse("127.0.2.1")]));
    }

    [Fact]
    public async Task Start_ConstantRate_SecondsCarryTheRate()
    {
        // At time scale 2 a lab second is 500 ms of wall time: the process's warm-up (tier-1 JIT swapping code in its
        // first second or two) can hold the pacer up for 50–100 ms, which at scale 10 moved a third of a second's sends
        // into the next one.
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20)), scale: 2);

        await UntilAsync(() => Lab.Seconds.Count >= 5, "5 seconds");

        // Every full second after the first sends about 20 (sends near a boundary may land in the next second when the
        // machine is busy), 80 over four; none is dropped.
        var seconds = Lab.Seconds.ToArray()[1..5];
        Assert.All(seconds, s => Assert.InRange(s.Stats.Sent, 14, 26));
        Assert.InRange(seconds.Sum(s => s.Stats.Sent), 72, 88);
        Assert.Equal([1L, 2L, 3L, 4L], seconds.Select(s => s.Index));
        Assert.All(seconds, s => Assert.Equal(0, s.Stats.DroppedSends));
        Assert.All(seconds, s => Assert.Equal(new Uri("https://api.example.test/api/hello"), s.Url));
    }

    [Fact]
    public async Task Start_LatencyFaultLongerThanFunctionTimeout_5xxCountedForThatRegionOnly()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 10), TestLab.Client("eu-west-1", 10)), scale: 100);
        Lab.AddFault(new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) }, new FaultTarget { Region = "us-east-1", Function = "hello" });

        await UntilAsync(() => Lab.Total("us-customers").Status5xx >= 10 && Lab.Total("eu-customers").Status2xx >= 10, "10 × 5xx for us, 10 × 2xx for eu");

        var us = Lab.Total("us-customers");
        var eu = Lab.Total("eu-customers");
        Assert.Equal(0, eu.Status5xx);
        Assert.True(us.SuccessRate < 1);

        // A 502 after the function's 10 s timeout: that long from the intended send.
        Assert.True(us.MaxLatency >= TimeSpan.FromSeconds(10), $"max {us.MaxLatency}");
    }

    [Fact]
    public async Task Start_DnsAnswerChanges_OldAnswerUsedUntilTtlPasses()
    {
        // Per-request connections, so only the cached DNS answer can hold the customers on us-east-1.
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 10, ConnectionReuse.PerRequest)), scale: 100);
        await UntilAsync(() => Lab.Answers.Count == 1, "the first answer");
        var first = Lab.Answers.Single();

        Lab.AddFault(new HealthOverrideFaultOptions { Status = HealthOverrideStatus.Unhealthy }, new FaultTarget { HealthCheck = "hc-us" });
        var injected = Lab.Time.GetUtcNow();
        await UntilAsync(() => Lab.Answers.Count == 2, "the answer to change");

        var changed = Lab.Answers.Last();
        Assert.Equal([IPAddress.Parse("127.0.2.1")], changed.Current);
        Assert.Equal([IPAddress.Parse("127.0.1.1")], changed.Previous);
        Assert.Equal(TimeSpan.FromSeconds(60), first.Ttl);
        Assert.True(changed.At - first.At >= TimeSpan.FromSeconds(60), $"changed {changed.At - first.At} after the first answer");

        // us-east-1 kept answering after the DNS had changed, until the TTL ran out; then eu-west-1 did. (Requests
        // connected just before the change may finish a little later: at 100× a lab second is 10 ms of wall time.)
        await UntilAsync(() => Lab.Since("us-customers", changed.At.AddSeconds(5)).RegionCount("eu-west-1") >= 20, "answers from eu-west-1");
        Assert.True(Lab.Since("us-customers", injected.AddSeconds(1)).RegionCount("us-east-1") > 0);
        Assert.True(Lab.Since("us-customers", changed.At.AddSeconds(5)).RegionShare("eu-west-1") >= 0.9);
    }

    [Fact]
    public async Task Start_ServerStallsWithTinyInFlightBound_SendsDroppedNotQueued()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20)), scale: 20, new LoadGeneratorOptions { MaxInFlight = 3 });
        Lab.AddFault(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, new FaultTarget { Region = "us-east-1" });

        await UntilAsync(() => Lab.Total("us-customers").DroppedSends >= 20, "20 dropped sends");

        Assert.True(Lab.Load["us-customers"].InFlight <= 3);
        Assert.Equal(3, Lab.Load["us-customers"].MaxInFlight);

        // The stalled requests time out after 30 s (lab) from their intended send: that shows in the percentiles.
        await UntilAsync(() => Lab.Total("us-customers").Timeouts >= 3, "3 timeouts");
        Assert.True(Lab.Total("us-customers").MaxLatency >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task StopAsync_RequestsStalled_AbandonsThemWithinTheStopTimeout()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20)), scale: 50, new LoadGeneratorOptions { StopTimeout = TimeSpan.FromSeconds(5) });
        Lab.AddFault(new NetworkFaultOptions { Mode = NetworkMode.Blackhole }, new FaultTarget { Region = "us-east-1" });
        await UntilAsync(() => Lab.Load["us-customers"].InFlight >= 5, "5 stalled requests");

        var stop = Lab.Load.StopAsync(TestContext.Current.CancellationToken);
        await stop.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(0, Lab.Load["us-customers"].InFlight);

        // Abandoned requests are neither successes nor timeouts; the last partial second was published.
        Assert.Equal(0, Lab.Total("us-customers").Timeouts);
        var published = Lab.Seconds.Count;
        await Lab.Load.StopAsync(TestContext.Current.CancellationToken);
        Assert.Equal(published, Lab.Seconds.Count);
    }

    [Fact]
    public async Task Start_OnePacerHeldUp_AnotherPopulationsPacerSendsItsRequests()
    {
        // us-customers' own pacer thread never runs, like a thread the OS keeps off the CPU: eu-customers' pacer sends
        // us-customers' requests as they fall due.
        using var gate = new ManualResetEventSlim(false);
        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20), TestLab.Client("eu-west-1", 20)), 2, startLoad: false);
        Lab.Load["us-customers"].HoldPacer(gate);
        await Lab.Load.StartAsync(TestContext.Current.CancellationToken);

        await UntilAsync(() => Lab.Seconds.Count(s => s.Population == "us-customers" && s.Index >= 1) >= 3, "3 seconds of us-customers after the first");
        var sent = Lab.Seconds.Where(s => s.Population == "us-customers" && s.Index >= 1).Take(3).Sum(s => s.Stats.Sent);
        Assert.InRange(sent, 54, 66);
        await UntilAsync(() => Lab.Total("us-customers").Status2xx >= 40, "40 answers to us-customers");
        Assert.Equal("us-east-1", Assert.Single(Lab.Total("us-customers").Regions.Keys));
        Assert.False(gate.IsSet);
    }

    [Fact]
    public async Task Start_OnlyPacerHeldUp_NothingSentUntilItRuns()
    {
        using var gate = new ManualResetEventSlim(false);
        _lab = await TestLab.StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20)), 20, startLoad: false);
        Lab.Load["us-customers"].HoldPacer(gate);
        await Lab.Load.StartAsync(TestContext.Current.CancellationToken);

        await UntilAsync(() => Lab.Seconds.Count(s => s.Population == "us-customers") >= 3, "3 seconds");
        Assert.Equal(0, Lab.Total("us-customers").Sent);

        // Released, the pacer catches up on what fell due while it was held: late sends, not lost ones.
        gate.Set();
        await UntilAsync(() => Lab.Total("us-customers").Sent >= 60, "the held seconds' sends");
        Assert.True(Lab.Total("us-customers").LateSends > 0);
    }

    [Fact]
    public async Task SetRate_Zero_PausesAndResumes()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 20)), scale: 20);
        var population = Lab.Load["us-customers"];
        await UntilAsync(() => Lab.Total("us-customers").Sent >= 10, "10 sends");

        population.SetRate(0);
        Assert.Equal(0, population.CurrentRate);
        var paused = Lab.Time.GetUtcNow().AddSeconds(1);
        await UntilAsync(() => Lab.Seconds.Any(s => s.Start >= paused.AddSeconds(3)), "3 paused seconds");
        Assert.Equal(0, Lab.Since("us-customers", paused).Sent);

        population.Ramp(40, TimeSpan.FromSeconds(2));
        await UntilAsync(() => population.CurrentRate == 40, "the ramp to end");
        var resumed = Lab.Time.GetUtcNow().AddSeconds(1);
        await UntilAsync(() => Lab.Seconds.Count(s => s.Start >= resumed) >= 2, "2 seconds at the new rate");
        Assert.All(Lab.Seconds.Where(s => s.Start >= resumed).Take(2), s => Assert.InRange(s.Stats.Sent, 36, 44));
    }

    [Fact]
    public async Task SecondCompleted_SubscriberThrows_LoadGoesOn()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 10)), scale: 50);
        Lab.Load.SecondCompleted += (_, _) => throw new InvalidOperationException("subscriber bug");

        await UntilAsync(() => Lab.Seconds.Count >= 3, "3 seconds despite a failing subscriber");
    }

    [Fact]
    public async Task StartAsync_Twice_Throws()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 1)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Lab.Load.StartAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Indexer_UnknownPopulation_NamesTheKnownOnes()
    {
        await StartAsync(TestLab.WithClients(TestLab.Client("us-east-1", 1)));

        var error = Assert.Throws<KeyNotFoundException>(() => Lab.Load["nope"]);
        Assert.Contains("us-customers", error.Message, StringComparison.Ordinal);
    }
}
