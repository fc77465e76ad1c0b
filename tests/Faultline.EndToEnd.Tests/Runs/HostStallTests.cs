using System.Text.Json;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>
/// A host that stalls the run: the verdict must say it cannot tell, naming the host, and never blame the system
/// under test. The same run without the stall holds (<see cref="RunTests"/>).
/// </summary>
[Collection(RunCollection.Name)]
public sealed class HostStallTests : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);

    // 400 ms of wall time is 8 s of lab time at scale 20: far beyond the seed's 1 s budget, well within the 1.5 s
    // (30 s of lab time) lease of the run's fault.
    private static readonly TimeSpan Stall = TimeSpan.FromMilliseconds(400);

    private readonly string _home = Directory.CreateTempSubdirectory("faultline-stall-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Run_HostStallsDuringTheFault_IsInconclusiveNamingTheHost()
    {
        var ct = TestContext.Current.CancellationToken;
        var runs = Path.Combine(_home, "runs");
        await using var run = FaultlineProcess.Start(_home, "run", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--no-dashboard", "--out", runs);
        await run.WaitForOutputAsync(o => o.Contains("phase fault", StringComparison.Ordinal), RunDeadline, ct);

        await run.StallAsync(Stall, ct);
        var code = await run.WaitForExitAsync(RunDeadline, ct);

        var output = run.Output;
        Assert.True(code == 1, output);
        Assert.Contains("host running late", output, StringComparison.Ordinal);
        Assert.Contains("verdict: inconclusive — Inconclusive: the host could not keep time scale 20", output, StringComparison.Ordinal);
        Assert.DoesNotContain("why:", output, StringComparison.Ordinal);
        var folder = Assert.Single(Directory.GetDirectories(runs));
        var verdict = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement.GetProperty("verdict");
        Assert.Equal("inconclusive", verdict.GetProperty("kind").GetString(), ignoreCase: true);
        Assert.Empty(verdict.GetProperty("diagnosis").EnumerateArray());
        Assert.True(verdict.GetProperty("host").GetProperty("impairedSeconds").GetInt32() >= 5, verdict.GetProperty("host").ToString());
        Assert.Contains(verdict.GetProperty("checks").EnumerateArray(), c => c.TryGetProperty("hostImpaired", out var why) && why.ValueKind == JsonValueKind.String);
    }
}
