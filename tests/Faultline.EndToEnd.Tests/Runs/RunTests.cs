using System.Text.Json;
using Faultline.Core.Journal;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>
/// <c>faultline run</c> as a process on real sockets: the blog's story found, explained and confirmed fixed. The seed and
/// misconfigured runs are the assembly's shared ones (<see cref="SharedRuns"/>); the other samples run here.
/// </summary>
/// <remarks>
/// The FIS-style graphs (samples/seed/experiment-fis.yaml and its misconfigured twin: attach, wait, detach) reach the
/// plain experiments' verdicts in <c>SimulateCommandTests</c> (Faultline.Cli.Tests): the simulated engine drives the
/// same runner, scheduler, effects and function fleet as a live run, so two more 45-s live runs here proved nothing
/// more than the shared runs and those tests together.
/// </remarks>
[Collection(RunCollection.Name)]
public sealed class RunTests : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-run-").FullName;
    private readonly SharedRuns _shared;

    public RunTests(SharedRuns shared)
    {
        _shared = shared;
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Out => Path.Combine(_home, "runs");

    private static string Sample(params string[] parts) => RepoPaths.Combine(["samples", .. parts]);

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        FaultlineProcess.RunAsync(_home, RunDeadline, TestContext.Current.CancellationToken, ["run", .. args, "--out", Out]);

    private JsonElement Result()
    {
        var folder = Assert.Single(Directory.GetDirectories(Out));
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement;
    }

    [Fact]
    public async Task Run_SeedExperiment_HoldsWithEveryCheckPassedAndExitsZero()
    {
        var seed = await _shared.SeedAsync(TestContext.Current.CancellationToken);
        var (code, output) = (seed.ExitCode, seed.Output);

        Assert.True(code == 0, output);
        Assert.Contains("verdict: held", output, StringComparison.Ordinal);
        var verdict = seed.Result().GetProperty("verdict");
        Assert.Equal("held", verdict.GetProperty("kind").GetString(), ignoreCase: true);
        Assert.All(verdict.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean(), c.ToString()));

        // hc-us turned unhealthy, and us customers were then served by eu-west-1.
        Assert.Contains("hc-us turned unhealthy", output, StringComparison.Ordinal);
        Assert.Contains("us-east-1 now gets eu-west-1", output, StringComparison.Ordinal);
        var us = verdict.GetProperty("impact").EnumerateArray().Single(i => i.GetProperty("population").GetString() == "us-customers");
        Assert.Contains(us.GetProperty("servedBy").EnumerateArray(), r => r.GetProperty("region").GetString() == "eu-west-1");
    }

    [Fact]
    public async Task Run_MisconfiguredExperiment_RefutedAndTheDiagnosisNamesTheCheckItsDomainAndItsRegion()
    {
        var misconfigured = await _shared.MisconfiguredAsync(TestContext.Current.CancellationToken);
        var (code, output) = (misconfigured.ExitCode, misconfigured.Output);

        Assert.True(code == 1, output);
        Assert.Contains("verdict: refuted", output, StringComparison.Ordinal);
        var diagnosis = misconfigured.Result().GetProperty("verdict").GetProperty("diagnosis").EnumerateArray().First();
        Assert.Equal("health-check-probes-other-region", diagnosis.GetProperty("code").GetString());
        var headline = diagnosis.GetProperty("headline").GetString();
        Assert.Contains("hc-us", headline, StringComparison.Ordinal);
        Assert.Contains("api.eu-west-1.example.test", headline, StringComparison.Ordinal);
        Assert.Contains("eu-west-1", headline, StringComparison.Ordinal);
        Assert.Contains("point hc-us at api.us-east-1.example.test", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StopConditionFires_ExitsThreeWithEveryFaultReverted()
    {
        var (code, output) = await RunAsync(Sample("stop-condition", "experiment.yaml"));

        Assert.True(code == 3, output);
        Assert.Contains("stop condition 'global outage' fired", output, StringComparison.Ordinal);
        Assert.Matches(@"fault f\d+ reverted \(stopped\)", output);
        var result = Result();
        Assert.Equal("stopped", result.GetProperty("finalState").ToString(), ignoreCase: true);
        var journal = RunJournalReader.Open(Path.Combine(Assert.Single(Directory.GetDirectories(Out)), "journal.db"));
        Assert.False(journal.Partial);
        Assert.Contains(journal.Events, e => e is Core.Runs.FaultRevertedEvent);
    }

    [Fact]
    public async Task Run_InvalidExperiment_ExitsTwoNamingFileLineAndColumnAndStartsNothing()
    {
        var file = Path.Combine(_home, "experiment.yaml");
        var text = (await File.ReadAllTextAsync(Sample("seed", "experiment.yaml"), TestContext.Current.CancellationToken))
            .Replace("./topology.yaml", Sample("seed", "topology.yaml"), StringComparison.Ordinal)
            .Replace("target: us-functions", "target: us-fns", StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);

        var (code, output) = await RunAsync(file);

        Assert.True(code == 2, output);
        Assert.Matches(@"experiment\.yaml:\d+:\d+: action 'inject-latency' names target 'us-fns', which is not defined; defined targets: us-functions", output);
        Assert.False(Directory.Exists(Out), "nothing should have run");
    }
}
