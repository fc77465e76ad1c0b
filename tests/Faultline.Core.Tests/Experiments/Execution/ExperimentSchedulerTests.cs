using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Runs;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Experiments.Execution;

public sealed class ExperimentSchedulerTests : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingEffects _effects;
    private readonly List<RunEvent> _sunk = [];
    private ExperimentScheduler? _scheduler;

    public ExperimentSchedulerTests()
    {
        _effects = new RecordingEffects(_time);
    }

    private ExperimentScheduler Scheduler => _scheduler ?? throw new InvalidOperationException("not created");

    public async ValueTask DisposeAsync()
    {
        if (_scheduler is not null)
        {
            await _scheduler.DisposeAsync();
        }
    }

    private static TargetDefinition UsHello => new()
    {
        Name = "us-hello",
        Type = TargetType.Function,
        Target = new FaultTarget { Region = "us-east-1", Function = "hello" },
    };

    private static FaultAction Latency(string name, TimeSpan duration, params string[] after) => new()
    {
        Name = name,
        Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) },
        Target = "us-hello",
        Duration = duration,
        StartAfter = after,
    };

    private static WaitAction Wait(string name, TimeSpan duration, params string[] after) => new() { Name = name, Duration = duration, StartAfter = after };

    private static ConfigureAction Attach(string name = "attach", params string[] after) => new()
    {
        Name = name,
        Target = "us-hello",
        SetEnvironment = new Dictionary<string, string>(StringComparer.Ordinal) { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" },
        AttachLayer = "chaos-lambda-extension",
        StartAfter = after,
    };

    private static ConfigureAction Detach(string name = "detach", params string[] after) => new()
    {
        Name = name,
        Target = "us-hello",
        UnsetEnvironment = ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"],
        DetachLayer = "chaos-lambda-extension",
        StartAfter = after,
    };

    private static Experiment Experiment(params ActionDefinition[] actions) => new()
    {
        TopologyPath = "/tmp/topology.yaml",
        Hypothesis = new Hypothesis { Title = "t", Checks = [] },
        Load = new LoadPlan { Baseline = Baseline, Recovery = Recovery },
        Targets = [UsHello],
        Actions = actions,

        // These tests pin FIS's sequencing; AWS's timing (the extension's ramp, the automation's delay) has its own tests.
        AwsTiming = AwsTiming.Ideal,
    };

    private ExperimentScheduler Create(Experiment experiment, TimeSpan? lease = null)
    {
        _scheduler = new ExperimentScheduler(
            experiment,
            _effects,
            _time,
            new ExperimentSchedulerOptions { Owner = "run-1", Lease = lease ?? TimeSpan.FromSeconds(30) },
            _sunk.Add);
        return _scheduler;
    }

    private static ExperimentHooks Gate(bool steady) => new() { SteadyStateAsync = _ => Task.FromResult(steady) };

    // FakeTimeProvider moves the clock to the end of an advance before firing what fell due, so step a second at
    // a time: every action time in these tests is a whole second.
    private void Advance(TimeSpan span)
    {
        for (var left = span; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            _time.Advance(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    private static DateTimeOffset At(double seconds) => Start + TimeSpan.FromSeconds(seconds);

    private IEnumerable<(string Action, ActionState State, double At)> ActionEvents() =>
        Scheduler.Events.OfType<ActionStateChanged>().Select(e => (e.Action, e.State, (e.At - Start).TotalSeconds));

    private double StartedAt(string action) => ActionEvents().Single(e => e.Action == action && e.State == ActionState.Running).At;

    private double CompletedAt(string action) => ActionEvents().Single(e => e.Action == action && e.State == ActionState.Completed).At;

    [Fact]
    public async Task RunAsync_ActionsWithoutStartAfter_AllStartWhenTheFaultPhaseStarts()
    {
        Create(Experiment(Latency("a", TimeSpan.FromSeconds(30)), Wait("b", TimeSpan.FromSeconds(10))));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(59));
        Assert.Empty(_effects.Calls);
        Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(60, StartedAt("a"));
        Assert.Equal(60, StartedAt("b"));
        Assert.Equal(["apply a @60s"], _effects.Calls.Where(c => !c.StartsWith("renew", StringComparison.Ordinal)));
        Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(RunState.Completed, await run);
    }

    [Fact]
    public async Task RunAsync_StartAfter_StartsWhenThePredecessorCompletes()
    {
        Create(Experiment(Latency("second", TimeSpan.FromSeconds(20), "first"), Latency("first", TimeSpan.FromSeconds(30))));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(ActionState.Pending, Scheduler.ActionStates["second"]);
        Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(60, StartedAt("first"));
        Assert.Equal(90, CompletedAt("first"));
        Assert.Equal(90, StartedAt("second"));
        Assert.Equal(["apply first @60s", "revert f1 @90s", "apply second @90s"], _effects.Calls.Where(c => !c.StartsWith("renew", StringComparison.Ordinal)));
        Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(RunState.Completed, await run);
        Assert.Equal(110, CompletedAt("second"));
    }

    [Fact]
    public async Task RunAsync_Diamond_JoinStartsWhenTheLastPredecessorCompletes()
    {
        Create(Experiment(
            Wait("a", TimeSpan.FromSeconds(10)),
            Wait("b", TimeSpan.FromSeconds(20), "a"),
            Wait("c", TimeSpan.FromSeconds(50), "a"),
            Wait("d", TimeSpan.FromSeconds(5), "b", "c")));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(RunState.Completed, await run);
        Assert.Equal(70, StartedAt("b"));
        Assert.Equal(70, StartedAt("c"));
        Assert.Equal(90, CompletedAt("b"));
        Assert.Equal(120, CompletedAt("c"));
        Assert.Equal(120, StartedAt("d"));
        Assert.Equal(125, CompletedAt("d"));
        Assert.Equal(At(125), Scheduler.Phases!.FaultEnd);
    }

    [Fact]
    public async Task RunAsync_FaultWithDuration_RevertedExactlyWhenItsDurationElapsed()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromMinutes(10))));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(60) + TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Single(_effects.Active);
        Assert.Equal(ActionState.Running, Scheduler.ActionStates["inject"]);
        Advance(TimeSpan.FromSeconds(1));

        Assert.Empty(_effects.Active);
        Assert.Equal(ActionState.Completed, Scheduler.ActionStates["inject"]);
        var applied = Assert.Single(Scheduler.Events.OfType<FaultAppliedEvent>());
        Assert.Equal(["us-east-1/hello"], applied.Targets);
        Assert.Equal("inject", applied.Action);
        var reverted = Assert.Single(Scheduler.Events.OfType<FaultRevertedEvent>());
        Assert.Equal(("f1", "completed", At(660)), (reverted.FaultId, reverted.Reason, reverted.At));
        Advance(Recovery);
        Assert.Equal(RunState.Completed, await run);
    }

    [Fact]
    public async Task RunAsync_Configure_CompletesAtTheSameInstantAndJournalsTheChange()
    {
        Create(Experiment(Attach(), Detach("detach", "attach")));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(Baseline);

        Assert.Equal(60, CompletedAt("attach"));
        Assert.Equal(60, CompletedAt("detach"));
        var changes = Scheduler.Events.OfType<ConfigurationChanged>().ToArray();
        Assert.Equal(["attach", "detach"], changes.Select(c => c.Action));
        Assert.Equal("true", changes[0].Environment["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"]);
        Assert.Equal(["chaos-lambda-extension"], changes[0].Layers);
        Assert.Null(changes[1].Environment["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"]);
        Assert.Empty(changes[1].Layers);
        Advance(Recovery);
        Assert.Equal(RunState.Completed, await run);
        Assert.DoesNotContain(_effects.Calls, c => c.StartsWith("restore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_NormalRun_PhaseTimesAndEventsFollowTheTimeline()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromSeconds(120))));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Assert.Equal(RunState.Running, Scheduler.State);
        Assert.Equal(Start, Scheduler.Phases!.RunStart);
        Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(RunState.Completed, await run);
        var phases = Scheduler.Phases!;
        Assert.Equal((Start, At(60), At(180), At(240)), (phases.RunStart, phases.FaultStart!.Value, phases.FaultEnd!.Value, phases.RunEnd!.Value));
        Assert.Equal(
            [(Phase.Baseline, 0d), (Phase.Fault, 60d), (Phase.Recovery, 180d)],
            Scheduler.Events.OfType<PhaseStarted>().Select(p => (p.Phase, (p.At - Start).TotalSeconds)));
        Assert.Equal(
            [RunState.Initiating, RunState.Running, RunState.Completed],
            Scheduler.Events.OfType<RunStateChanged>().Select(s => s.State));
        Assert.Equal(
            [ActionState.Initiating, ActionState.Running, ActionState.Completed],
            Scheduler.Events.OfType<ActionStateChanged>().Select(s => s.State));
        Assert.Equal(Scheduler.Events, _sunk);
    }

    [Fact]
    public async Task RunAsync_SteadyStateFails_CancelledWithEveryActionCancelledAndNoEffect()
    {
        Create(Experiment(Attach(), Latency("inject", TimeSpan.FromMinutes(1), "attach")));

        var run = Scheduler.RunAsync(Gate(steady: false), TestContext.Current.CancellationToken);
        Advance(Baseline);

        Assert.Equal(RunState.Cancelled, await run);
        Assert.Empty(_effects.Calls);
        Assert.All(Scheduler.ActionStates.Values, s => Assert.Equal(ActionState.Cancelled, s));
        Assert.Contains("steady state", Scheduler.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Scheduler.Events.OfType<PhaseStarted>(), p => p.Phase == Phase.Fault);
        Assert.Null(Scheduler.Phases!.FaultStart);
        Assert.Equal(At(60), Scheduler.Phases.RunEnd);
    }

    [Fact]
    public async Task RunAsync_SteadyStateHolds_InjectsAfterTheGate()
    {
        var gateCalledAt = (DateTimeOffset?)null;
        Create(Experiment(Latency("inject", TimeSpan.FromMinutes(1))));
        var hooks = new ExperimentHooks
        {
            SteadyStateAsync = _ =>
            {
                gateCalledAt = _time.GetUtcNow();
                return Task.FromResult(true);
            },
        };

        var run = Scheduler.RunAsync(hooks, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(RunState.Completed, await run);
        Assert.Equal(At(60), gateCalledAt);
        Assert.Equal("apply inject @60s", _effects.Calls[0]);
    }

    [Fact]
    public async Task StopAsync_DuringTheBlogWait_StopsRevertsAndRestoresAlthoughDetachNeverRan()
    {
        Create(Experiment(
            Attach(),
            Latency("inject", TimeSpan.FromMinutes(10)),
            Wait("wait", TimeSpan.FromMinutes(10), "attach"),
            Detach("detach", "wait")));
        var original = _effects.Functions["us-east-1/hello"];

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(Baseline + TimeSpan.FromMinutes(3));
        Assert.Equal(RunState.Stopped, await Scheduler.StopAsync("global outage"));

        Assert.Equal(RunState.Stopped, await run);
        Assert.Equal(
            new Dictionary<string, ActionState>
            {
                ["attach"] = ActionState.Completed,
                ["inject"] = ActionState.Stopped,
                ["wait"] = ActionState.Stopped,
                ["detach"] = ActionState.Cancelled,
            },
            Scheduler.ActionStates);
        Assert.Empty(_effects.Active);
        Assert.True(_effects.Functions["us-east-1/hello"].SameAs(original));
        var undo = Assert.Single(Scheduler.Events.OfType<ConfigurationChanged>(), c => c.Action == ExperimentScheduler.UndoAction);
        Assert.Null(undo.Environment["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"]);
        Assert.Empty(undo.Layers);
        Assert.Equal(("f1", "stopped"), Assert.Single(Scheduler.Events.OfType<FaultRevertedEvent>()) is var r ? (r.FaultId, r.Reason) : default);
        Assert.Equal(
            [(RunState.Stopping, "global outage"), (RunState.Stopped, "global outage")],
            Scheduler.Events.OfType<RunStateChanged>().Skip(2).Select(s => (s.State, s.Reason)));
        Assert.Equal(
            [ActionState.Stopping, ActionState.Stopped],
            ActionEvents().Where(e => e.Action == "wait").Skip(2).Select(e => e.State));
        Assert.Equal((At(240), At(240)), (Scheduler.Phases!.FaultEnd!.Value, Scheduler.Phases.RunEnd!.Value));
        Assert.DoesNotContain(Scheduler.Events.OfType<PhaseStarted>(), p => p.Phase == Phase.Recovery);
    }

    [Fact]
    public async Task StopAsync_DuringBaseline_CancelsEveryActionWithoutEffects()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromMinutes(1))));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(10));
        await Scheduler.StopAsync("interrupted");

        Assert.Equal(RunState.Stopped, await run);
        Assert.Equal(ActionState.Cancelled, Scheduler.ActionStates["inject"]);
        Assert.Empty(_effects.Calls);
    }

    [Fact]
    public async Task RunAsync_TokenCancelled_StopsAsInterrupted()
    {
        using var cts = new CancellationTokenSource();
        Create(Experiment(Latency("inject", TimeSpan.FromMinutes(5))));

        var run = Scheduler.RunAsync(null, cts.Token);
        Advance(Baseline + TimeSpan.FromSeconds(1));
        await cts.CancelAsync();

        Assert.Equal(RunState.Stopped, await run);
        Assert.Equal("interrupted", Scheduler.Reason);
        Assert.Empty(_effects.Active);
    }

    [Fact]
    public async Task RunAsync_ApplyFails_RunFailedAndEverythingElseRevertedAndRestored()
    {
        _effects.FailingActions.Add("second");
        Create(Experiment(
            Attach(),
            Latency("first", TimeSpan.FromMinutes(5)),
            Latency("second", TimeSpan.FromMinutes(1), "attach"),
            Wait("later", TimeSpan.FromMinutes(1), "second")));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(Baseline);

        Assert.Equal(RunState.Failed, await run);
        Assert.Contains("cannot apply second", Scheduler.Reason, StringComparison.Ordinal);
        Assert.Equal(ActionState.Failed, Scheduler.ActionStates["second"]);
        Assert.Equal(ActionState.Stopped, Scheduler.ActionStates["first"]);
        Assert.Equal(ActionState.Cancelled, Scheduler.ActionStates["later"]);
        Assert.Empty(_effects.Active);
        Assert.Empty(_effects.Functions["us-east-1/hello"].Layers);
        Assert.Contains("restore us-east-1/hello @60s", _effects.Calls);
        Assert.Equal(RunState.Failed, Scheduler.Events.OfType<RunStateChanged>().Last().State);
    }

    [Fact]
    public async Task RunAsync_FaultActive_RenewsItsLeaseEveryThirdOfTheLease()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromSeconds(100))), lease: TimeSpan.FromSeconds(30));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(Baseline + TimeSpan.FromSeconds(100));

        // The renewer ticks every 10 s from the run's start; the fault lives from 60 s to 160 s.
        var renewals = _effects.Calls.Where(c => c.StartsWith("renew f1", StringComparison.Ordinal)).ToArray();
        Assert.Contains("renew f1 @70s", renewals);
        Assert.Contains("renew f1 @150s", renewals);
        Assert.InRange(renewals.Length, 9, 11);
        Assert.DoesNotContain(_effects.Calls, c => c.StartsWith("renew", StringComparison.Ordinal) && c.EndsWith("@50s", StringComparison.Ordinal));
        var renewalsAfterRevert = _effects.Renewals;
        Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(renewalsAfterRevert, _effects.Renewals);
        Advance(Recovery);
        Assert.Equal(RunState.Completed, await run);
        Assert.Empty(Scheduler.Problems);
    }

    [Fact]
    public async Task RunAsync_BlogGraph_AttachWaitTenMinutesDetach()
    {
        Create(Experiment(Attach(), Wait("wait", TimeSpan.FromMinutes(10), "attach"), Detach("detach", "wait")));

        var run = Scheduler.RunAsync(Gate(steady: true), TestContext.Current.CancellationToken);
        Advance(Baseline);
        Assert.Equal(["chaos-lambda-extension"], _effects.Functions["us-east-1/hello"].Layers);
        Advance(TimeSpan.FromMinutes(10));
        Assert.Empty(_effects.Functions["us-east-1/hello"].Layers);
        Advance(Recovery);

        Assert.Equal(RunState.Completed, await run);
        Assert.Equal(["configure attach @60s", "configure detach @660s"], _effects.Calls.Where(c => !c.StartsWith("renew", StringComparison.Ordinal)));
        Assert.Equal((60, 60, 660, 660), (StartedAt("attach"), StartedAt("wait"), CompletedAt("wait"), StartedAt("detach")));
        Assert.Equal((At(60), At(660), At(720)), (Scheduler.Phases!.FaultStart!.Value, Scheduler.Phases.FaultEnd!.Value, Scheduler.Phases.RunEnd!.Value));
    }

    [Fact]
    public async Task RunAsync_ConfigurationChanged_RenewsItsLeaseUntilItIsPutBack()
    {
        Create(Experiment(Attach(), Wait("wait", TimeSpan.FromMinutes(1), "attach"), Detach("detach", "wait")), lease: TimeSpan.FromSeconds(30));

        var run = Scheduler.RunAsync(Gate(steady: true), TestContext.Current.CancellationToken);
        Advance(Baseline - TimeSpan.FromSeconds(1));
        var beforeAttach = _effects.ConfigurationRenewals;
        Advance(TimeSpan.FromSeconds(62));
        var whileAttached = _effects.ConfigurationRenewals - beforeAttach;
        Advance(Recovery);

        Assert.Equal(RunState.Completed, await run);
        Assert.Equal(0, beforeAttach);

        // Every 10 s (a third of the lease) from the attach at 60 s to the detach at 120 s, for the run's owner and
        // lease (the tick at 120 s may come before or after the detach); none once detached.
        Assert.InRange(whileAttached, 6, 7);
        Assert.Equal(whileAttached, _effects.ConfigurationRenewals);
        Assert.All(_effects.Calls.Where(c => c.StartsWith("renew-configuration", StringComparison.Ordinal)), c => Assert.StartsWith("renew-configuration run-1 30s @", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_ConfigurationLeftInPlace_UndoneWhenTheFaultPhaseEnds()
    {
        var original = _effects.Functions["us-east-1/hello"];
        Create(Experiment(Attach(), Wait("wait", TimeSpan.FromMinutes(1), "attach")));

        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(Baseline + TimeSpan.FromMinutes(1));

        Assert.True(_effects.Functions["us-east-1/hello"].SameAs(original));
        Assert.Contains("restore us-east-1/hello @120s", _effects.Calls);
        Advance(Recovery);
        Assert.Equal(RunState.Completed, await run);
    }

    [Fact]
    public void Constructor_UnknownPredecessor_Throws()
    {
        var error = Assert.Throws<InvalidInputException>(() => Create(Experiment(Wait("a", TimeSpan.FromSeconds(1), "nope"))));

        Assert.Contains("'nope', which is not defined", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Cycle_ThrowsTheValidatorsMessage()
    {
        var error = Assert.Throws<InvalidInputException>(() => Create(Experiment(
            Wait("a", TimeSpan.FromSeconds(1), "b"),
            Wait("b", TimeSpan.FromSeconds(1), "a"))));

        Assert.Equal("the actions form a cycle: a -> b -> a; remove one startAfter of the cycle; no action in it could ever start", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Constructor_UnknownTarget_Throws()
    {
        var experiment = Experiment(Latency("inject", TimeSpan.FromSeconds(1))) with { Targets = [] };

        Assert.Throws<InvalidInputException>(() => Create(experiment));
    }

    [Fact]
    public async Task RunAsync_RunnerPausedPastTheLease_RevertJournaledAsLeaseExpiredWhenItLapsedWithAProblem()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromMinutes(5))), lease: TimeSpan.FromSeconds(30));
        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(75));

        // Paused (kill -STOP, a GC pause): a minute of lab time passes before anything runs again. The renewal at 70 s
        // gave the fault until 100 s; the next renewal finds it gone.
        _time.Advance(TimeSpan.FromSeconds(60));
        Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(RunState.Completed, await run);
        var reverted = Assert.Single(Scheduler.Events.OfType<FaultRevertedEvent>());
        Assert.Equal((ExperimentScheduler.LeaseExpiredReason, At(100)), (reverted.Reason, reverted.At));
        var problem = Assert.Single(Scheduler.Problems);
        Assert.Equal((RunProblemKind.LeaseLapsed, "f1", true, At(100)), (problem.Kind, problem.Subject, problem.UnderminesVerdict, problem.At));
        Assert.Equal("fault f1 (latency on us-east-1/hello) was reverted by the lab at T+1:40 when its lease lapsed, 4m20s before its planned end", problem.Message);
        Assert.Contains(problem, _sunk);
        Assert.DoesNotContain(_effects.Calls, c => c.StartsWith("revert f1", StringComparison.Ordinal));
        var completed = Scheduler.Events.OfType<ActionStateChanged>().Single(e => e.State == ActionState.Completed);
        Assert.Equal("its fault f1 had been reverted early by the lab at T+1:40 when its lease lapsed", completed.Detail);
    }

    [Fact]
    public async Task RunAsync_FaultGoneAtItsPlannedEnd_JournaledAsLeaseExpiredNotCompleted()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromSeconds(60))), lease: TimeSpan.FromSeconds(30));
        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(85));

        // Renewals fail from 90 s on, so the lease (until 110 s after the renewal at 80 s) lapses before the planned
        // end at 120 s, where the revert finds nothing.
        _effects.RenewFailure = new HttpRequestException("Connection refused");
        Advance(TimeSpan.FromSeconds(40));
        _effects.RenewFailure = null;
        Advance(Recovery);

        Assert.Equal(RunState.Completed, await run);
        var reverted = Assert.Single(Scheduler.Events.OfType<FaultRevertedEvent>());
        Assert.Equal((ExperimentScheduler.LeaseExpiredReason, At(110)), (reverted.Reason, reverted.At));
        Assert.Contains("revert f1 @120s", _effects.Calls);
        Assert.Contains(Scheduler.Problems, p => p.Kind == RunProblemKind.RenewFailed && p.Message == "could not renew the lease of fault f1: Connection refused");
    }

    [Fact]
    public async Task ReportLapsed_TheOwnLabExpiredTheFault_JournaledOnceAtItsExpiryAndNeverRevertedAgain()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromMinutes(5))));
        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(100));

        _effects.Expire("f1");
        Scheduler.ReportLapsed("f1", At(95));
        Scheduler.ReportLapsed("f1", At(96));
        Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(RunState.Completed, await run);
        var reverted = Assert.Single(Scheduler.Events.OfType<FaultRevertedEvent>());
        Assert.Equal((ExperimentScheduler.LeaseExpiredReason, At(95)), (reverted.Reason, reverted.At));
        Assert.Equal(RunProblemKind.LeaseLapsed, Assert.Single(Scheduler.Problems).Kind);
        Assert.DoesNotContain(_effects.Calls, c => c.StartsWith("revert f1", StringComparison.Ordinal) || c.StartsWith("renew f1 @110s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_LabDoesNotAnswerRenewals_OneProblemForManyFailures()
    {
        // Applied at 60 s with a lease until 90 s, reverted at 85 s: the renewals at 70 s and 80 s both fail.
        Create(Experiment(Latency("inject", TimeSpan.FromSeconds(25))), lease: TimeSpan.FromSeconds(30));
        _effects.RenewFailure = new HttpRequestException("Connection refused");
        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(90));
        _effects.RenewFailure = null;
        Advance(Recovery);

        Assert.Equal(RunState.Completed, await run);
        Assert.InRange(_effects.Renewals, 2, 3);
        Assert.Equal("completed", Assert.Single(Scheduler.Events.OfType<FaultRevertedEvent>()).Reason);
        var problem = Assert.Single(Scheduler.Problems);
        Assert.Equal((RunProblemKind.RenewFailed, true), (problem.Kind, problem.UnderminesVerdict));
    }

    [Fact]
    public async Task FailAsync_DuringTheFault_RunFailsWithTheReasonAndFailedRevertsAreProblems()
    {
        Create(Experiment(Latency("inject", TimeSpan.FromMinutes(5))));
        var run = Scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        Advance(TimeSpan.FromSeconds(90));
        _effects.RevertFailure = new HttpRequestException("Connection refused");

        var failed = Scheduler.FailAsync("the lab stopped answering");

        Assert.Equal(RunState.Failed, await failed);
        Assert.Equal(RunState.Failed, await run);
        Assert.Equal("the lab stopped answering", Scheduler.Reason);
        Assert.Equal(ActionState.Stopped, Scheduler.ActionStates["inject"]);
        Assert.Equal("could not revert fault f1: Connection refused", Assert.Single(Scheduler.Problems, p => p.Kind == RunProblemKind.RevertFailed && p.Subject == "f1").Message);
    }
}
