using Faultline.Core.Journal;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>Faults always revert: on Ctrl-C, by lease when the runner is killed, and at once with <c>recover</c>.</summary>
[Collection(RunCollection.Name)]
public sealed class RunSafetyTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-safety-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Run_KilledOutright_ItsFaultLapsesWithTheLeaseAndTheJournalIsPartial()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), 20, ct);
        var runs = Path.Combine(_dir, "runs");
        await using var run = FaultlineProcess.Start(lab.Home, "run", LongFaultExperiment.Write(_dir), "--lab", lab.Endpoints.ControlUrl, "--out", runs);
        await run.WaitForOutputAsync(o => o.Contains("fault f1 applied", StringComparison.Ordinal), Generous, ct);

        run.KillHard();
        await run.WaitForExitAsync(Generous, ct);

        // Nobody reverted it: the fault is still there, then lapses with its lease (10 s of wall time at scale 20).
        Assert.Equal(1, await LongFaultExperiment.FaultCountAsync(lab, ct));
        await Eventually.ReturnsAsync(ct => LongFaultExperiment.FaultCountAsync(lab, ct), n => n == 0, Generous, "the killed run's fault to lapse", ct);
        var journal = RunJournalReader.Open(Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "journal.db"));
        Assert.True(journal.Partial);
        Assert.Contains(journal.Events, e => e is Core.Runs.FaultAppliedEvent);
    }

    [Fact]
    public async Task Run_KilledOutright_ItsConfigurationChangesAreUndoneWithTheLease()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), 20, ct);
        var experiment = Path.Combine(_dir, "attach-and-die.yaml");
        File.WriteAllText(experiment, $"""
            topology: {RepoPaths.Combine("samples", "seed", "topology.yaml")}
            hypothesis:
              title: eu customers are not affected by the chaos extension in us-east-1
              checks:
                - {"{"} name: eu customers unaffected, clients: eu-customers, during: fault, successRate: ">= 99%" {"}"}
            load: {"{"} baseline: 10s, recovery: 10s {"}"}
            targets:
              us-functions: {"{"} type: function, region: us-east-1 {"}"}
            actions:
              attach: {"{"} configure: {"{"} target: us-functions, setEnvironment: {"{"} CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY: "true" {"}"}, attachLayer: chaos-lambda-extension {"}"} {"}"}
              wait: {"{"} wait: 10m, startAfter: [attach] {"}"}
              detach: {"{"} configure: {"{"} target: us-functions, unsetEnvironment: [CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY], detachLayer: chaos-lambda-extension {"}"}, startAfter: [wait] {"}"}
            """);
        await using var run = FaultlineProcess.Start(lab.Home, "run", experiment, "--lab", lab.Endpoints.ControlUrl, "--out", Path.Combine(_dir, "runs"));
        await run.WaitForOutputAsync(o => o.Contains("changed by attach", StringComparison.Ordinal), Generous, ct);

        run.KillHard();
        await run.WaitForExitAsync(Generous, ct);

        // Nobody detached: the layer is still on, then the lab takes it off when the run's lease (10 s of wall time) lapses.
        Assert.NotEmpty(await ChangedFunctionsAsync(lab, ct));
        await Eventually.ReturnsAsync(ct => ChangedFunctionsAsync(lab, ct), changed => changed.Count == 0, Generous, "the killed run's configuration to be undone", ct);
    }

    private static async Task<List<string>> ChangedFunctionsAsync(RunningLab lab, CancellationToken ct) =>
        [.. (await lab.ControlAsync("/v1/functions", ct)).GetProperty("functions").EnumerateArray()
            .Where(f => f.GetProperty("changed").GetBoolean())
            .Select(f => f.GetProperty("id").GetString()!)];

    [Fact]
    public async Task Recover_AfterARunWasKilled_RevertsItsFaultAtOnce()
    {
        var ct = TestContext.Current.CancellationToken;

        // At time scale 2 the 30 s lease lasts 15 s of wall time: recover must beat it by far.
        await using var lab = await RunningLab.StartAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), 2, ct);
        await using var run = FaultlineProcess.Start(lab.Home, "run", LongFaultExperiment.Write(_dir), "--lab", lab.Endpoints.ControlUrl, "--out", Path.Combine(_dir, "runs"));
        await run.WaitForOutputAsync(o => o.Contains("fault f1 applied", StringComparison.Ordinal), Generous, ct);
        run.KillHard();
        await run.WaitForExitAsync(Generous, ct);
        Assert.Equal(1, await LongFaultExperiment.FaultCountAsync(lab, ct));

        var (code, output) = await lab.CliAsync(ct, "recover");

        Assert.True(code == 0, output);
        Assert.Contains("f1", output, StringComparison.Ordinal);
        Assert.Equal(0, await LongFaultExperiment.FaultCountAsync(lab, ct));
    }

    [Fact]
    public async Task Run_Interrupted_ExitsThreeAndRevertsItsFault()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), 20, ct);
        await using var run = FaultlineProcess.Start(lab.Home, "run", LongFaultExperiment.Write(_dir), "--lab", lab.Endpoints.ControlUrl, "--out", Path.Combine(_dir, "runs"));
        await run.WaitForOutputAsync(o => o.Contains("fault f1 applied", StringComparison.Ordinal), Generous, ct);

        run.Interrupt();

        Assert.Equal(3, await run.WaitForExitAsync(Generous, ct));
        Assert.Contains("interrupted", run.Output, StringComparison.Ordinal);
        Assert.Equal(0, await LongFaultExperiment.FaultCountAsync(lab, ct));
    }
}
