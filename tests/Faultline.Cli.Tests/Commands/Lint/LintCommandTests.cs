using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Lint;

public sealed class LintCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-lint-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Lint_SeedTopology_SaysOkAndExitsZero()
    {
        var (code, output) = await CliRun.RunAsync("lint", RepoPaths.Combine("samples", "seed", "topology.yaml"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("OK", output, StringComparison.Ordinal);
        Assert.Contains("no findings", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MisconfiguredTopology_ExplainsTheWrongRegionHealthCheckWithItsLocation()
    {
        var path = RepoPaths.Combine("samples", "seed", "misconfigured", "topology.yaml");

        var (code, output) = await CliRun.RunAsync("lint", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"misconfigured/topology\.yaml:\d+:\d+: warning: hc-us guards set 'us' \(us-east-1\) of api\.example\.test but probes api\.eu-west-1\.example\.test, which is served by eu-west-1", output);
        Assert.Contains("api.us-east-1.example.test", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_Strict_WithFindings_ExitsOne()
    {
        var (code, _) = await CliRun.RunAsync("lint", RepoPaths.Combine("samples", "seed", "misconfigured", "topology.yaml"), "--strict");

        Assert.Equal(ExitCodes.Refuted, code);
    }

    [Fact]
    public async Task Lint_InvalidTopology_ReportsEveryErrorWithFileLineAndColumnAndExitsTwo()
    {
        var text = await File.ReadAllTextAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), TestContext.Current.CancellationToken);
        text = text.Replace("interval: 30s", "interval: 20s", StringComparison.Ordinal).Replace("failureThreshold: 3", "failureThreshold: 11", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "topology.yaml");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);

        var (code, output) = await CliRun.RunAsync("lint", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Matches(@"topology\.yaml:\d+:\d+: .*interval.*10s or 30s", output);
        Assert.Matches(@"topology\.yaml:\d+:\d+: .*failureThreshold", output);
        Assert.Contains("nothing was started", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MissingFile_ExitsTwoNamingIt()
    {
        var path = Path.Combine(_dir, "nope.yaml");

        var (code, output) = await CliRun.RunAsync("lint", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("nope.yaml", output, StringComparison.Ordinal);
    }
}
