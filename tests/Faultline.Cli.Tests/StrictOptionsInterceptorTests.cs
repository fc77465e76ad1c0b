using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests;

public sealed class StrictOptionsInterceptorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-strict-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SeedExperiment => RepoPaths.Combine("samples", "seed", "experiment.yaml");

    private static string SeedTopology => RepoPaths.Combine("samples", "seed", "topology.yaml");

    [Fact]
    public async Task Run_UnknownOption_ExitsTwoAndStartsNothing()
    {
        var runs = Path.Combine(_dir, "runs");

        var (code, output) = await CliRun.RunAsync("run", SeedExperiment, "--dry-run", "--out", runs, "--no-dashboard");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(
            "error: unknown option '--dry-run' for 'faultline run'; its options: --output, --quiet, -q, --time-scale, --seed, --out, --topology, --metrics-port, --otlp, --dashboard-port, --no-dashboard, --keep-dashboard, --engine, --lab, --token-file, --help",
            output,
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(runs), "no run may start");
    }

    [Fact]
    public async Task Lint_UnknownOption_ExitsTwo()
    {
        var (code, output) = await CliRun.RunAsync("lint", SeedTopology, "--bogus");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("error: unknown option '--bogus' for 'faultline lint'; its options: --strict, --output, --quiet, -q, --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_MisspelledOption_SuggestsTheClosest()
    {
        var (code, output) = await CliRun.RunAsync("lint", SeedTopology, "--stric");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("error: unknown option '--stric' for 'faultline lint'; did you mean '--strict'? its options: --strict, --output, --quiet, -q, --help", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lab", "up", "SEED", "--time-scal", "20")]
    [InlineData("init", "DIR", "--forse")]
    [InlineData("recover", "--ownr", "x")]
    [InlineData("fault", "list", "--labb", "http://127.0.0.1:1")]
    [InlineData("report", "DIR", "--bogus")]
    public async Task EveryCommand_UnknownOption_ExitsTwo(params string[] args)
    {
        var resolved = args.Select(a => a switch { "SEED" => SeedTopology, "DIR" => Path.Combine(_dir, "x"), _ => a }).ToArray();

        var (code, output) = await CliRun.RunAsync(resolved);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("error: unknown option '", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "x")), "init may not write anything");
    }

    [Fact]
    public async Task Lint_ArgumentsAfterDoubleDash_ExitTwo()
    {
        var (code, output) = await CliRun.RunAsync("lint", SeedTopology, "--", "extra");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("error: 'faultline lint' takes no arguments after '--', but got 'extra'; remove them", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_StrayArgument_ExitsTwo()
    {
        var (code, _) = await CliRun.RunAsync("lint", SeedTopology, "extra");

        Assert.Equal(ExitCodes.InvalidInput, code);
    }

    [Fact]
    public async Task OptionValue_WithControlCharacters_IsEchoedWithoutThem()
    {
        var (code, output) = await CliRun.RunAsync("run", SeedExperiment, "--time-scale", "\u001b[2J\rfast");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.DoesNotContain('\u001b', output);
        Assert.Contains("--time-scale '?[2J?fast' is not a time scale", output, StringComparison.Ordinal);
    }
}
