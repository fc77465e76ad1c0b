using System.Text.Json;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>
/// A host that stalls the run: the verdict must say it cannot tell, naming the host, and never blame the system under
/// test; the same run without the stall holds.
/// </summary>
/// <remarks>
/// The experiment is the seed's with one more check, eu customers' p99 latency within 2 s during the fault. A stall of
/// 600 ms of wall time is 12 s of lab time at scale 20: the requests due meanwhile leave up to 12 s late, and latency
/// counts from when they were due, so 2% of the fault's eu requests take over 2 s. Without host timing that run would be
/// refuted, blaming eu-west-1's latency on the system under test.
/// </remarks>
[Collection(RunCollection.Name)]
public sealed class HostStallTests : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(600);

    private readonly string _home = Directory.CreateTempSubdirectory("faultline-stall-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Experiment()
    {
        var seed = File.ReadAllText(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        var text = seed
            .Replace("topology: ./topology.yaml", $"topology: {RepoPaths.Combine("samples", "seed", "topology.yaml")}", StringComparison.Ordinal)
            .Replace(
                "    - { name: eu customers unaffected, clients: eu-customers, during: fault, successRate: \">= 99%\" }",
                "    - { name: eu customers unaffected, clients: eu-customers, during: fault, successRate: \">= 99%\" }\n    - { name: eu customers fast, clients: eu-customers, during: fault, latency: { p99: \"<= 2s\" } }",
                StringComparison.Ordinal);
        Assert.Contains("eu customers fast", text, StringComparison.Ordinal);
        var path = Path.Combine(_home, "experiment.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_HostStallsDuringTheFault_IsInconclusiveNamingTheHostAndWithoutTheStallHolds(bool stall)
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = Path.Combine(_home, "runs");
        await using var run = FaultlineProcess.Start(_home, "run", Experiment(), "--no-dashboard", "--out", runs);
        await run.WaitForOutputAsync(o => o.Contains("phase fault", StringComparison.Ordinal), RunDeadline, ct);

        if (stall)
        {
            await run.StallAsync(Stall, ct);
        }

        var code = await run.WaitForExitAsync(RunDeadline, ct);
        var output = run.Output;
        var folder = Assert.Single(Directory.GetDirectories(runs));
        var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement.GetProperty("verdict");
        if (!stall)
        {
            Assert.True(code == 0, output);
            Assert.Contains("verdict: held", output, StringComparison.Ordinal);
            return;
        }

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
}
