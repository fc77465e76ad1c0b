using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Planning;
using Faultline.Core.Runs;
using Faultline.Core.Tests.Experiments.Execution;
using Faultline.Core.Tests.Experiments.Reading;
using Faultline.TestUtils;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Planning;

public sealed class ExperimentPlanTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TimeSpan M(double minutes) => TimeSpan.FromMinutes(minutes);

    private static ExperimentReadResult Sample(params string[] path)
    {
        var read = ExperimentReader.Load(RepoPaths.Combine(["samples", .. path]));
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        return read;
    }

    private static ExperimentPlan Plan(ExperimentReadResult read) => ExperimentPlan.Build(read.Experiment!, read.Topology!);

    [Fact]
    public void Build_Seed_PlacesBaselineFaultAndRecoveryInLabTime()
    {
        var plan = Plan(Sample("seed", "experiment.yaml"));

        Assert.Equal(M(2), plan.FaultStart);
        Assert.Equal(M(12), plan.FaultEnd);
        Assert.Equal(M(15), plan.RunEnd);
        var action = Assert.Single(plan.Actions);
        Assert.Equal(("inject-latency", "fault latency", "us-functions", M(2), M(12)), (action.Name, action.Kind, action.Target, action.Start, action.End));
        Assert.Equal(M(2), plan.FirstInjection);
    }

    [Fact]
    public void Build_CycleBuiltInCode_ThrowsTheValidatorsMessage()
    {
        var read = Sample("seed", "experiment.yaml");
        var experiment = read.Experiment! with
        {
            Actions = [new WaitAction { Name = "a", Duration = M(1), StartAfter = ["b"] }, new WaitAction { Name = "b", Duration = M(1), StartAfter = ["a"] }],
        };

        var error = Assert.Throws<Diagnostics.InvalidInputException>(() => ExperimentPlan.Build(experiment, read.Topology!));

        Assert.Equal("the actions form a cycle: a -> b -> a; remove one startAfter of the cycle; no action in it could ever start", Assert.Single(error.Diagnostics).ToString());
    }

    [Fact]
    public void Build_Seed_ResolvesEachCheckWindowToLabTime()
    {
        var plan = Plan(Sample("seed", "experiment.yaml"));

        Assert.Equal(
            [
                (1, CheckKind.Traffic, M(0), M(2), (TimeSpan?)null),
                (2, CheckKind.Traffic, M(2), M(12), null),
                (3, CheckKind.Traffic, M(6), M(12), null),
                (4, CheckKind.Traffic, M(6), M(12), null),
                (5, CheckKind.HealthTransition, M(2), M(12), M(5)),
                (6, CheckKind.DnsAnswer, M(2), M(12), M(6)),
            ],
            plan.Checks.Select(c => (c.Number, c.Kind, c.From, c.To, c.Deadline)));
        Assert.True(plan.Checks[0].IsSteadyState);
        Assert.Equal("hc-us unhealthy within 3m", plan.Checks[4].Expectation);
    }

    [Fact]
    public void Build_Seed_ResolvesTheTargetToEveryUsFunction()
    {
        var target = Assert.Single(Plan(Sample("seed", "experiment.yaml")).Targets);

        Assert.Equal(["us-east-1/health", "us-east-1/hello"], target.Candidates);
        Assert.False(target.IsRandom);
        Assert.Equal("all 2: us-east-1/health, us-east-1/hello", target.Describe());
    }

    [Fact]
    public void Build_FisSample_ChainsAttachWaitDetachWithStartAfter()
    {
        var plan = Plan(Sample("seed", "experiment-fis.yaml"));

        // Each configure step (an SSM automation updating the function) lands, and completes, awsTiming.configureDelay
        // (default 10s) after it starts; the wait starts after it.
        var delay = TimeSpan.FromSeconds(10);
        Assert.Equal(
            [("attach", "configure", M(2), M(2) + delay), ("wait", "wait", M(2) + delay, M(12) + delay), ("detach", "configure", M(12) + delay, M(12) + delay + delay)],
            plan.Actions.Select(a => (a.Name, a.Kind, a.Start, a.End)));
        Assert.Equal(M(12) + delay + delay, plan.FaultEnd);
        Assert.Equal(M(15) + delay + delay, plan.RunEnd);
        Assert.Equal(M(2) + delay, plan.FirstInjection);
        Assert.False(plan.Actions.Single(a => a.Name == "wait").Injects);
    }

    [Fact]
    public void Build_PercentSelection_SaysHowManyOfHowManyAreChosenPerRun()
    {
        var target = Plan(Sample("all-fields", "experiment.yaml")).Targets.Single(t => t.Name == "half-of-hello");

        Assert.True(target.IsRandom);
        Assert.Equal("1 of 2 chosen per run (PERCENT(50)) from: us-east-1/hello, eu-west-1/hello", target.Describe());
    }

    [Fact]
    public void Build_WaitsForTheLastPredecessor()
    {
        var read = SeedExperimentYaml.Read(SeedExperimentYaml.With(
            "  inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m }",
            """
              short: { fault: latency, target: us-functions, delay: 1s, duration: 1m }
              long: { wait: 5m }
              both: { fault: error, target: us-functions, duration: 2m, startAfter: [short, long] }
            """));

        var plan = Plan(read);

        Assert.Equal(
            [("short", M(2), M(3)), ("long", M(2), M(7)), ("both", M(7), M(9))],
            plan.Actions.Select(a => (a.Name, a.Start, a.End)));
        Assert.Equal(M(9), plan.FaultEnd);
        Assert.Equal(M(12), plan.RunEnd);
    }

    [Theory]
    [InlineData("seed", "experiment.yaml")]
    [InlineData("seed", "experiment-fis.yaml")]
    [InlineData("three-regions", "experiment.yaml")]
    [InlineData("stop-condition", "experiment.yaml")]
    [InlineData("all-fields", "experiment.yaml")]
    [InlineData("alias-target-health", "experiment.yaml")]
    public async Task Build_Samples_MatchWhatTheSchedulerDoesOnAFakeClock(string folder, string file)
    {
        var experiment = Sample(folder, file).Experiment!;
        var plan = ExperimentPlan.Build(experiment, Sample(folder, file).Topology!);
        var time = new FakeTimeProvider(Start);
        var effects = new RecordingEffects(time);
        foreach (var target in experiment.Targets)
        {
            effects.Functions.TryAdd(target.Target.Region + "/" + target.Target.Function, new FunctionConfiguration());
        }

        await using var scheduler = new ExperimentScheduler(experiment, effects, time, new ExperimentSchedulerOptions { Owner = "run-1" });
        var run = scheduler.RunAsync(null, TestContext.Current.CancellationToken);
        // One lab second at a time (every time in the samples is a whole second), bounded: an hour past the
        // planned end is far more than any scheduler that agrees with the plan needs.
        for (var second = 0; second <= plan.RunEnd.TotalSeconds + 3600 && !run.IsCompleted; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(run.IsCompleted, $"the scheduler had not finished an hour after the planned end {plan.RunEnd}");
        Assert.Equal(RunState.Completed, await run);
        var events = scheduler.Events.OfType<ActionStateChanged>().ToList();
        foreach (var action in plan.Actions)
        {
            var started = events.Single(e => e.Action == action.Name && e.State == ActionState.Running).At - Start;
            var completed = events.Single(e => e.Action == action.Name && e.State == ActionState.Completed).At - Start;
            Assert.Equal((action.Name, action.Start, action.End), (action.Name, started, completed));
        }

        var phases = scheduler.Phases!;
        Assert.Equal(plan.PhasesAt(Start), phases);
    }
}
