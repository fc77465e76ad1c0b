using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.EndToEnd.Tests.Limits;

/// <summary>The descriptor check as a user meets it: with too low an open-file limit, <c>run</c> and <c>lab up</c> refuse before anything starts.</summary>
public sealed class DescriptorLimitTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-nofile-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static string Sample(params string[] parts) => RepoPaths.Combine(["samples", .. parts]);

    private async Task<(int ExitCode, string Output)> RunWithLimitAsync(int limit, params string[] args)
    {
        await using var process = FaultlineProcess.Start(_home, limit, args);
        var code = await process.WaitForExitAsync(Deadline, TestContext.Current.CancellationToken);
        return (code, process.Output);
    }

    [Fact]
    public async Task Run_OpenFileLimitBelowTheNeed_ExitsTwoNamingNeedLimitAndFixAndStartsNothing()
    {
        var runs = Path.Combine(_home, "runs");

        var (code, output) = await RunWithLimitAsync(600, "run", Sample("seed", "experiment.yaml"), "--out", runs);

        Assert.True(code == 2, output);
        Assert.Contains("this needs up to 3,512 open file descriptors", output, StringComparison.Ordinal);
        Assert.Contains("may open only 600 (ulimit -n; hard limit 600)", output, StringComparison.Ordinal);
        Assert.Contains("'ulimit -n 3512'", output, StringComparison.Ordinal);
        Assert.Contains("nothing was started", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(runs), "no run should have started");
    }

    [Fact]
    public async Task LabUp_OpenFileLimitBelowTheNeed_ExitsTwo()
    {
        var (code, output) = await RunWithLimitAsync(600, "lab", "up", Sample("seed", "topology.yaml"), "--dns-port", "0", "--http-port", "0", "--control-port", "0");

        Assert.True(code == 2, output);
        Assert.Contains("gateway connections", output, StringComparison.Ordinal);
        Assert.Contains("may open only 600", output, StringComparison.Ordinal);
    }
}
