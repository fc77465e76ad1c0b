using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Randomness;
using Faultline.Core.Runs;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Experiments.Execution;

/// <summary>
/// AWS's timing in the scheduler (docs/fidelity.md, "FIS"): targets resolved once, the FIS Lambda extension's seeded
/// ramp, the configure delay, and how actions that never start end.
/// </summary>
public sealed class ExperimentSchedulerTimingTests
{
    private static readonly DateTimeOffset Start = ExperimentSchedulerTests.Start;
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(60);

    private static TargetDefinition UsFunctions => new()
    {
        Name = "us-functions",
        Type = TargetType.Function,
        Target = new FaultTarget { Region = "us-east-1" },
    };

    private static TargetDefinition OneHello => new()
    {
        Name = "one-hello",
        Type = TargetType.Function,
        Target = new FaultTarget { Function = "hello", Selection = new SelectionMode(SelectionModeKind.Count, 1) },
    };

    private static FaultAction Latency(string name, string target, TimeSpan duration, params string[] after) => new()
    {
        Name = name,
        Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) },
        Target = target,
        Duration = duration,
        StartAfter = after,
    };

    private static Experiment Experiment(AwsTiming timing, params ActionDefinition[] actions) => new()
    {
        TopologyPath = "/tmp/topology.yaml",
        Hypothesis = new Hypothesis { Title = "t", Checks = [] },
        Load = new LoadPlan { Baseline = Baseline, Recovery = TimeSpan.FromSeconds(60) },
        Targets = [UsFunctions, OneHello],
        Actions = actions,
        AwsTiming = timing,
    };

    private static ExperimentScheduler Create(Experiment experiment, RecordingEffects effects, FakeTimeProvider time, int seed = 42) =>
        new(experiment, effects, time, new ExperimentSchedulerOptions { Owner = "run-1", Topology = Some.Topology(), Random = new RandomSource(seed) });

    private static async Task<RunState> RunToEndAsync(ExperimentScheduler scheduler, FakeTimeProvider time)
    {
        var run = scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        for (var i = 0; i < 3600 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.True(run.IsCompleted, "the run had not ended after an hour of lab time");
        return await run;
    }

    private static Dictionary<string, (double Applied, double Reverted)> EffectTimes(ExperimentScheduler scheduler)
    {
        var applied = scheduler.Events.OfType<FaultAppliedEvent>().ToList();
        var reverted = scheduler.Events.OfType<FaultRevertedEvent>().ToDictionary(e => e.FaultId, e => (e.At - Start).TotalSeconds, StringComparer.Ordinal);
        return applied.ToDictionary(e => string.Join(",", e.Targets), e => ((e.At - Start).TotalSeconds, reverted[e.FaultId]), StringComparer.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LambdaFault_TakesEffectOnEachFunctionWithinTheRampUpAndStopsWithinTheRampDown()
    {
        var time = new FakeTimeProvider(Start);
        await using var scheduler = Create(Experiment(AwsTiming.Default, Latency("slow", "us-functions", TimeSpan.FromMinutes(2))), new RecordingEffects(time), time);

        Assert.Equal(RunState.Completed, await RunToEndAsync(scheduler, time));

        // One fault per function, each picked up by its own extension between the action's start (60 s) and 60 s later,
        // and dropped between its end (180 s) and 20 s later; the action itself runs exactly its duration, as FIS.
        var times = EffectTimes(scheduler);
        Assert.Equal(["us-east-1/health", "us-east-1/hello"], times.Keys.Order(StringComparer.Ordinal));
        Assert.All(times.Values, t => Assert.InRange(t.Applied, 60, 120));
        Assert.All(times.Values, t => Assert.InRange(t.Reverted, 180, 200));
        Assert.NotEqual(times["us-east-1/health"].Applied, times["us-east-1/hello"].Applied);
        var states = scheduler.Events.OfType<ActionStateChanged>().Where(e => e.Action == "slow").ToList();
        Assert.Equal(60, (states.Single(e => e.State == ActionState.Running).At - Start).TotalSeconds);
        Assert.Equal(180, (states.Single(e => e.State == ActionState.Completed).At - Start).TotalSeconds);
        Assert.Contains("FIS Lambda extension's ramp-up", states.Single(e => e.State == ActionState.Running).Detail, StringComparison.Ordinal);
        Assert.Contains("FIS Lambda extension's ramp-down", states.Single(e => e.State == ActionState.Completed).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SameSeed_SameRamp()
    {
        async Task<Dictionary<string, (double, double)>> RunWithAsync(int seed)
        {
            var time = new FakeTimeProvider(Start);
            await using var scheduler = Create(Experiment(AwsTiming.Default, Latency("slow", "us-functions", TimeSpan.FromMinutes(2))), new RecordingEffects(time), time, seed);
            await RunToEndAsync(scheduler, time);
            return EffectTimes(scheduler);
        }

        Assert.Equal(await RunWithAsync(7), await RunWithAsync(7));
        Assert.NotEqual(await RunWithAsync(7), await RunWithAsync(8));
    }

    [Fact]
    public async Task RunAsync_IdealTiming_TakesEffectAndStopsWithTheAction()
    {
        var time = new FakeTimeProvider(Start);
        await using var scheduler = Create(Experiment(AwsTiming.Ideal, Latency("slow", "us-functions", TimeSpan.FromMinutes(2))), new RecordingEffects(time), time);

        await RunToEndAsync(scheduler, time);

        Assert.All(EffectTimes(scheduler).Values, t => Assert.Equal((60d, 180d), t));
    }

    [Fact]
    public async Task RunAsync_ActionShorterThanItsRampUp_NeverTakesEffectOnAFunctionItsExtensionHadNotPolledFor()
    {
        var time = new FakeTimeProvider(Start);
        var timing = AwsTiming.Default with { LambdaRampUp = TimeSpan.FromMinutes(10) };
        await using var scheduler = Create(Experiment(timing, Latency("blip", "us-functions", TimeSpan.FromSeconds(1))), new RecordingEffects(time), time);

        await RunToEndAsync(scheduler, time);

        var completed = scheduler.Events.OfType<ActionStateChanged>().Single(e => e.Action == "blip" && e.State == ActionState.Completed);
        Assert.Contains("never took effect on us-east-1/health, us-east-1/hello", completed.Detail, StringComparison.Ordinal);
        Assert.Empty(scheduler.Events.OfType<FaultAppliedEvent>());
    }

    [Fact]
    public async Task RunAsync_ConfigureAction_ChangesItsFunctionsAfterTheConfigureDelayAndCompletesThen()
    {
        var time = new FakeTimeProvider(Start);
        var effects = new RecordingEffects(time);
        var attach = new ConfigureAction
        {
            Name = "attach",
            Target = "us-functions",
            SetEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" },
        };
        var experiment = Experiment(AwsTiming.Default with { ConfigureDelay = TimeSpan.FromSeconds(15) }, attach) with
        {
            Targets = [UsFunctions with { Target = new FaultTarget { Region = "us-east-1", Function = "hello" } }],
        };
        await using var scheduler = Create(experiment, effects, time);

        await RunToEndAsync(scheduler, time);

        Assert.Equal("configure attach @75s", effects.Calls.First(c => c.StartsWith("configure", StringComparison.Ordinal)));
        Assert.Equal(75, (scheduler.Events.OfType<ConfigurationChanged>().First().At - Start).TotalSeconds);
        var states = scheduler.Events.OfType<ActionStateChanged>().Where(e => e.Action == "attach").ToList();
        Assert.Equal(60, (states.Single(e => e.State == ActionState.Running).At - Start).TotalSeconds);
        Assert.Equal(75, (states.Single(e => e.State == ActionState.Completed).At - Start).TotalSeconds);
    }

    [Fact]
    public async Task RunAsync_TwoActionsOnACountTarget_ActOnTheSameFunctionsResolvedOnceAtTheStart()
    {
        // COUNT(1) of the two hello functions: FIS resolves the target once, when the experiment starts, so the second
        // action hits the function the first did, whatever the seed.
        for (var seed = 1; seed <= 12; seed++)
        {
            var time = new FakeTimeProvider(Start);
            var effects = new RecordingEffects(time) { Store = new FaultStore(Some.Topology(), time, new RandomSource(seed)) };
            var experiment = Experiment(AwsTiming.Ideal, Latency("first", "one-hello", TimeSpan.FromSeconds(30)), Latency("second", "one-hello", TimeSpan.FromSeconds(30), "first"));
            await using var scheduler = Create(experiment, effects, time, seed);

            await RunToEndAsync(scheduler, time);

            var targets = scheduler.Events.OfType<FaultAppliedEvent>().Select(e => string.Join(",", e.Targets)).ToList();
            Assert.Equal(2, targets.Count);
            Assert.True(targets[0] == targets[1], $"seed {seed}: the first action hit {targets[0]}, the second {targets[1]}");
        }
    }

    [Fact]
    public async Task RunAsync_PredecessorFailed_SuccessorEndsCancelledSayingWhy()
    {
        var time = new FakeTimeProvider(Start);
        var effects = new RecordingEffects(time);
        effects.FailingActions.Add("first");
        await using var scheduler = Create(Experiment(AwsTiming.Ideal, Latency("first", "us-functions", TimeSpan.FromSeconds(30)), Latency("second", "us-functions", TimeSpan.FromSeconds(30), "first")), effects, time);

        Assert.Equal(RunState.Failed, await RunToEndAsync(scheduler, time));

        var second = scheduler.Events.OfType<ActionStateChanged>().Single(e => e.Action == "second" && e.State != ActionState.Pending);
        Assert.Equal(ActionState.Cancelled, second.State);
        Assert.Equal("never started: the experiment ended before it could (action 'first' failed: cannot apply first)", second.Detail);
    }

    [Fact]
    public async Task StopAsync_PendingSuccessor_EndsCancelledSayingWhy()
    {
        var time = new FakeTimeProvider(Start);
        await using var scheduler = Create(Experiment(AwsTiming.Ideal, Latency("first", "us-functions", TimeSpan.FromSeconds(30)), Latency("second", "us-functions", TimeSpan.FromSeconds(30), "first")), new RecordingEffects(time), time);
        var run = scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(70));

        var stopped = scheduler.StopAsync("stop condition 'global outage' fired");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RunState.Stopped, await stopped);
        await run;

        var second = scheduler.Events.OfType<ActionStateChanged>().Single(e => e.Action == "second");
        Assert.Equal(ActionState.Cancelled, second.State);
        Assert.Equal("never started: the experiment ended before it could (stop condition 'global outage' fired)", second.Detail);
    }

    [Fact]
    public async Task StopAsync_DuringTheRampUp_TheFaultNeverTakesEffectAndNothingIsLeftApplied()
    {
        var time = new FakeTimeProvider(Start);
        var effects = new RecordingEffects(time);
        await using var scheduler = Create(Experiment(AwsTiming.Default with { LambdaRampUp = TimeSpan.FromMinutes(10) }, Latency("slow", "us-functions", TimeSpan.FromMinutes(20))), effects, time);
        var run = scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromSeconds(61));

        var stopped = scheduler.StopAsync("interrupted");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RunState.Stopped, await stopped);
        await run;
        for (var i = 0; i < 700; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Empty(effects.Active);
        Assert.DoesNotContain(scheduler.Events.OfType<FaultAppliedEvent>(), e => e.At > Start + TimeSpan.FromSeconds(62));
    }
}
