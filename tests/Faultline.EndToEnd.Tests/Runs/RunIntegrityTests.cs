using System.Text.Json;
using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>A run that loses its lease or its lab says so: the verdict is inconclusive and names what happened.</summary>
[Collection(RunCollection.Name)]
public sealed class RunIntegrityTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-integrity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The output with the console's line wrapping undone, so phrases can be looked for whole.</summary>
    private static string Flat(string output) => System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " ");

    private static JsonElement Result(string runs) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "result.json"))).RootElement;

    [Fact]
    public async Task Run_PausedUntilItsLeaseLapsed_InconclusiveNamingTheLapsedLease()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var lab = await RunningLab.StartAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), 20, ct);
        var runs = Path.Combine(_dir, "runs");
        await using var run = FaultlineProcess.Start(lab.Home, "run", LongFaultExperiment.Write(_dir, ideal: true), "--lab", lab.Endpoints.ControlUrl, "--out", runs, "--no-dashboard");

        // Every function's fault is applied once the action is running (no ramp-up here).
        await run.WaitForOutputAsync(o => o.Contains("action inject-latency running", StringComparison.Ordinal), Generous, ct);

        // kill -STOP: the runner cannot renew, so the lab reverts the fault when the lease (10 s of wall time) lapses.
        run.Pause();
        try
        {
            await Eventually.ReturnsAsync(ct => LongFaultExperiment.FaultCountAsync(lab, ct), n => n == 0, Generous, "the paused run's fault to lapse", ct);
        }
        finally
        {
            run.Resume();
        }

        var code = await run.WaitForExitAsync(Generous, ct);

        var output = Flat(run.Output);
        Assert.True(code == 1, run.Output);
        Assert.Contains("fault f1 reverted (lease-expired)", output, StringComparison.Ordinal);
        Assert.Contains("verdict: inconclusive — Inconclusive: fault f1 (latency on us-east-1/", output, StringComparison.Ordinal);
        Assert.Contains("when its lease lapsed", output, StringComparison.Ordinal);
        var result = Result(runs);
        Assert.Equal("inconclusive", result.GetProperty("verdict").GetProperty("kind").GetString());
        Assert.Contains(result.GetProperty("verdict").GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "lease-lapsed");
        var journal = RunJournalReader.Open(Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "journal.db"));
        var reverted = journal.Events.OfType<FaultRevertedEvent>().ToList();
        Assert.NotEmpty(reverted);
        Assert.All(reverted, e => Assert.Equal("lease-expired", e.Reason));
        var report = File.ReadAllText(Path.Combine(Assert.Single(Directory.GetDirectories(runs)), "report.html"));
        Assert.Contains("data-kind=\"lease-lapsed\"", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_LabKilledDuringTheFault_ExitsFourInconclusiveNamingTheLabWithBoundedOutput()
    {
        var ct = TestContext.Current.CancellationToken;
        var lab = await RunningLab.StartAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), 20, ct);
        var runs = Path.Combine(_dir, "runs");
        var url = lab.Endpoints.ControlUrl.TrimEnd('/');
        await using var run = FaultlineProcess.Start(lab.Home, "run", LongFaultExperiment.Write(_dir), "--lab", lab.Endpoints.ControlUrl, "--out", runs, "--no-dashboard");
        // With the FIS ramp-up (the default), a function's fault may still be due when the lab dies: applying it must
        // end the run as "the lab stopped answering", not as a failed action.
        await run.WaitForOutputAsync(o => o.Contains("fault f1 applied", StringComparison.Ordinal), Generous, ct);

        lab.Process.KillHard();
        var code = await run.WaitForExitAsync(Generous, ct);
        await lab.DisposeAsync();

        var output = Flat(run.Output);
        Assert.True(code == 4, run.Output);
        Assert.Contains($"the lab at {url} stopped answering at T+", output, StringComparison.Ordinal);
        Assert.Contains("verdict: inconclusive — Inconclusive: the lab at " + url, output, StringComparison.Ordinal);
        Assert.DoesNotContain("polling", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("run completed", run.Output, StringComparison.Ordinal);
        Assert.InRange(run.Output.Split('\n').Length, 1, 300);
        var result = Result(runs);
        Assert.Equal("failed", result.GetProperty("finalState").GetString());
        Assert.Equal("inconclusive", result.GetProperty("verdict").GetProperty("kind").GetString());
        Assert.Contains(result.GetProperty("verdict").GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "lab-unreachable");
    }
}
