using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Simulate;

/// <summary>
/// <c>simulate</c> and <c>run --engine simulated</c> with <c>--output json</c> print the run's result.json (a batch: its
/// summary.json) and nothing else on standard output; with <c>-q</c>, only the verdict line. Exit codes stay the same.
/// </summary>
[Collection(SimulationCollection.Name)]
public sealed class SimulateOutputTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("faultline-simulate-output-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string Seed(string file = "experiment.yaml") => RepoPaths.Combine("samples", "seed", file);

    [Theory]
    [InlineData("simulate")]
    [InlineData("run", "--engine", "simulated")]
    public async Task OneRun_OutputJson_PrintsTheResultJsonItWroteAndNothingElse(params string[] command)
    {
        var (code, output, error) = await CliRun.RunSplitAsync([.. command, Seed(), "--out", _out, "--output", "json"]);

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonOutput.Parse(output);
        var run = Assert.Single(Directory.GetDirectories(_out));
        var written = await File.ReadAllTextAsync(Path.Combine(run, "result.json"), TestContext.Current.CancellationToken);
        Assert.Equal(written.Trim() + "\n", output);
        Assert.Equal(Path.GetFileName(run), json.GetProperty("runId").GetString());
        Assert.Equal("held", json.GetProperty("verdict").GetProperty("kind").GetString());

        // Everything for people went to standard error.
        Assert.Contains("verdict: held", error, StringComparison.Ordinal);
        Assert.Contains("report: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneRun_OutputJson_Refuted_StillExitsOne()
    {
        var (code, output, _) = await CliRun.RunSplitAsync("simulate", Seed("misconfigured/experiment.yaml"), "--out", _out, "--output", "json");

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Equal("refuted", JsonOutput.Parse(output).GetProperty("verdict").GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData("simulate")]
    [InlineData("run", "--engine", "simulated")]
    public async Task OneRun_Quiet_PrintsOnlyTheVerdictLine(params string[] command)
    {
        var (code, output, error) = await CliRun.RunSplitAsync([.. command, Seed("misconfigured/experiment.yaml"), "--out", _out, "-q"]);

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.StartsWith("verdict: refuted — Refuted: 4 of 6 checks failed (", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(error);
        Assert.Single(Directory.GetDirectories(_out));
    }

    [Fact]
    public async Task Batch_OutputJson_PrintsTheSummaryJsonItWrote()
    {
        var (code, output, error) = await CliRun.RunSplitAsync("simulate", Seed(), "--runs", "2", "--out", _out, "--output", "json");

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonOutput.Parse(output);
        var batch = Assert.Single(Directory.GetDirectories(_out));
        Assert.Equal((await File.ReadAllTextAsync(Path.Combine(batch, "summary.json"), TestContext.Current.CancellationToken)).Trim() + "\n", output);
        Assert.Equal([42, 43], json.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        Assert.Equal(2, json.GetProperty("points")[0].GetProperty("verdicts").GetProperty("held").GetInt32());
        Assert.Contains("simulated distribution", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_Quiet_PrintsOnlyTheVerdictCounts()
    {
        var (code, output, error) = await CliRun.RunSplitAsync("simulate", Seed("misconfigured/experiment.yaml"), "--runs", "2", "--out", _out, "--quiet");

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Equal("verdicts: refuted 2 of 2 simulated runs\n", output);
        Assert.Empty(error);
    }
}
