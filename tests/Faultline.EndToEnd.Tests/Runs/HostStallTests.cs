using System.Text.Json;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Journal;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Verdict;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>
/// A host that stalls the run: the verdict must say it cannot tell, naming the host, and never blame the system under
/// test; the same experiment on a run the host did not stall holds.
/// </summary>
/// <remarks>
/// The experiment is the seed's with one more check, eu customers' p99 latency within 2 s during the fault. A stall of
/// 600 ms of wall time is 12 s of lab time at scale 20: the requests due meanwhile leave up to 12 s late, and latency
/// counts from when they were due, so 2% of the fault's eu requests take over 2 s. Without host timing that run would be
/// refuted, blaming eu-west-1's latency on the system under test. The run without the stall is the shared seed run
/// (<see cref="SharedRuns"/>): the added check changes nothing a run does, only what its verdict weighs, so its
/// journal judged against this experiment is that run, without a second 45-s one.
/// </remarks>
[Collection(RunCollection.Name)]
public sealed class HostStallTests : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(600);

    private readonly string _home = Directory.CreateTempSubdirectory("faultline-stall-").FullName;
    private readonly SharedRuns _shared;

    public HostStallTests(SharedRuns shared)
    {
        _shared = shared;
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    // The seed experiment with the eu latency check added, its topology named by full path.
    private static string ExperimentText()
    {
        var seed = File.ReadAllText(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        var text = seed
            .Replace("topology: ./topology.yaml", $"topology: {RepoPaths.Combine("samples", "seed", "topology.yaml")}", StringComparison.Ordinal)
            .Replace(
                "    - { name: eu customers unaffected, clients: eu-customers, during: fault, successRate: \">= 99%\" }",
                "    - { name: eu customers unaffected, clients: eu-customers, during: fault, successRate: \">= 99%\" }\n    - { name: eu customers fast, clients: eu-customers, during: fault, latency: { p99: \"<= 2s\" } }",
                StringComparison.Ordinal);
        Assert.Contains("eu customers fast", text, StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public async Task Run_HostStallsDuringTheFault_IsInconclusiveNamingTheHost()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = Path.Combine(_home, "runs");
        var experiment = Path.Combine(_home, "experiment.yaml");
        await File.WriteAllTextAsync(experiment, ExperimentText(), ct);
        await using var run = FaultlineProcess.Start(_home, "run", experiment, "--no-dashboard", "--out", runs);
        await run.WaitForOutputAsync(o => o.Contains("phase fault", StringComparison.Ordinal), RunDeadline, ct);

        await run.StallAsync(Stall, ct);

        var code = await run.WaitForExitAsync(RunDeadline, ct);
        var output = run.Output;
        var folder = Assert.Single(Directory.GetDirectories(runs));
        var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement.GetProperty("verdict");
        Assert.True(code == 1, output);
        Assert.Contains("host running late", output, StringComparison.Ordinal);
        Assert.Contains("verdict: inconclusive — Inconclusive: the host could not keep time scale 20", output, StringComparison.Ordinal);
        Assert.Contains("#3 eu customers fast", output, StringComparison.Ordinal);
        Assert.DoesNotContain("why:", output, StringComparison.Ordinal);
        Assert.Equal("inconclusive", verdict.GetProperty("kind").GetString(), ignoreCase: true);
        Assert.Empty(verdict.GetProperty("diagnosis").EnumerateArray());
        Assert.True(verdict.GetProperty("host").GetProperty("impairedSeconds").GetInt32() >= 10, verdict.GetProperty("host").ToString());
        var fast = verdict.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "eu customers fast");
        Assert.StartsWith("host-impaired:", fast.GetProperty("hostImpaired").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SameExperimentWithoutTheStall_HoldsWithTheLatencyCheckPassed()
    {
        var seed = await _shared.SeedAsync(TestContext.Current.CancellationToken);
        Assert.True(seed.ExitCode == 0, seed.Output);
        var journal = RunJournalReader.Open(Path.Combine(seed.Folder, "journal.db"));
        var text = ExperimentText();

        // The live run's journal (its traffic, events and host seconds) judged by this experiment, as `report` judges a
        // journal whose run stored no verdict.
        var verdict = VerdictEngine.Decide(journal.ToObservations((_, path) =>
            ExperimentReader.Read(text, path, (_, _) => TopologyReader.Read(journal.Header.TopologyText, journal.Header.TopologyPath)).ThrowIfInvalid()));

        Assert.True(verdict.Kind == VerdictKind.Held, verdict.Summary);
        var fast = Assert.Single(verdict.Checks, c => c.Name == "eu customers fast");
        Assert.True(fast.Passed == true, $"{fast.Measured}: {fast.Explanation}");
        Assert.Null(fast.HostImpaired);
        Assert.Equal(7, verdict.Checks.Count);
    }
}
