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
    public async Task Lint_AliasTargetHealthSample_SaysItNeverFailsOverOnALambdaOutage()
    {
        var path = RepoPaths.Combine("samples", "alias-target-health", "topology.yaml");

        var (code, output) = await CliRun.RunAsync("lint", path);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Matches(@"alias-target-health/topology\.yaml:\d+:\d+: warning: set 'us' \(us-east-1\) of api\.example\.test is an alias with evaluateTargetHealth and no health check", output);
        Assert.Contains("[alias-target-health-only]", output, StringComparison.Ordinal);
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

    /// <summary>The seed experiment in the temporary folder, against the seed topology, with one piece of text replaced.</summary>
    private string SeedExperimentWith(string oldText, string newText)
    {
        var text = File.ReadAllText(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        text = text.Replace("topology: ./topology.yaml", $"topology: {RepoPaths.Combine("samples", "seed", "topology.yaml")}", StringComparison.Ordinal).Replace(oldText, newText, StringComparison.Ordinal);
        var path = Path.Combine(_dir, "experiment.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Lint_SeedExperiment_SaysOkAndExitsZero()
    {
        var (code, output) = await CliRun.RunAsync("lint", RepoPaths.Combine("samples", "seed", "experiment.yaml"));

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("experiment.yaml: OK — 6 check(s), 1 action(s), 1 stop condition(s), a run of T+15:00 on topology hello-api; no findings.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_ExperimentWithACheckThatCannotPass_ExitsOneWithTheArithmetic()
    {
        var path = SeedExperimentWith("becomes: unhealthy, within: 3m", "becomes: unhealthy, within: 20s");

        var (code, output) = await CliRun.RunAsync("lint", path);

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Matches(
            @"experiment\.yaml:\d+:\d+: check 'us health check turns unhealthy' cannot pass: hc-us turns unhealthy only after 3 consecutive failed probes 30s apart, at the earliest \(failureThreshold − 1\) × interval = \(3 − 1\) × 30s = 1m after the first fault starts at T\+02:00, so not before T\+03:00 \(usually up to the FIS Lambda extension's ramp-up 1m \+ interval × failureThreshold = 30s × 3 = 1m30s, T\+04:30\); but within: 20s after fault\.start ends at T\+02:20 \[health-check-too-slow\]; allow within: 2m30s or more, or lower hc-us's interval or failureThreshold",
            output);
        Assert.Contains("1 error(s), 0 warning(s): the experiment is valid, but a check cannot pass as written.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_ExperimentWithOnlyAWarning_ExitsZeroAndOneWithStrict()
    {
        var path = SeedExperimentWith("becomes: unhealthy, within: 3m", "becomes: unhealthy, within: 75s");

        var (code, output) = await CliRun.RunAsync("lint", path);
        var (strictCode, _) = await CliRun.RunAsync("lint", path, "--strict");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("warning: check 'us health check turns unhealthy' may not pass", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Refuted, strictCode);
    }

    [Fact]
    public async Task Lint_InvalidExperiment_ReportsTheErrorWithItsLocationAndExitsTwo()
    {
        var path = SeedExperimentWith("healthCheck: hc-us, becomes", "healthCheck: hc-usa, becomes");

        var (code, output) = await CliRun.RunAsync("lint", path);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Matches(@"experiment\.yaml:\d+:\d+: .*hc-usa", output);
    }

    [Fact]
    public async Task Lint_ExperimentWithACheckThatCannotPass_PrintsTheLineDocsExperimentsShows()
    {
        var documented = File.ReadAllLines(RepoPaths.Combine("docs", "experiments.md")).Single(l => l.StartsWith("experiment.yaml:", StringComparison.Ordinal));
        var path = SeedExperimentWith("becomes: unhealthy, within: 3m", "becomes: unhealthy, within: 20s");

        var (_, output) = await CliRun.RunAsync("lint", path);

        Assert.Contains(Path.Combine(_dir, documented), output, StringComparison.Ordinal);
    }
}
