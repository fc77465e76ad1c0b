using Faultline.Cli.Tests.Support;
using Faultline.Core.Experiments;
using Faultline.Core.Planning;
using Faultline.Core.Verdict;
using Faultline.TestUtils;
using Spectre.Console;

namespace Faultline.Cli.Tests.Commands.Plan;

public sealed class PlanCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-plan-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Seed(string file = "experiment.yaml") => RepoPaths.Combine("samples", "seed", file);

    /// <summary>The seed experiment in the temporary folder, against the seed topology, with one piece of text replaced.</summary>
    private string SeedWith(string oldText, string newText)
    {
        var text = File.ReadAllText(Seed());
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        text = text.Replace("topology: ./topology.yaml", $"topology: {Seed("topology.yaml")}", StringComparison.Ordinal).Replace(oldText, newText, StringComparison.Ordinal);
        var path = Path.Combine(_dir, "experiment.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Plan_Seed_PrintsTargetsScheduleChecksAndStopConditions()
    {
        var (code, output) = await CliRun.RunAsync("plan", Seed());

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("A run lasts 15m of lab time (T+15:00); at time scale 20 that is about 45s of wall time.", output, StringComparison.Ordinal);
        Assert.Contains("us-functions (function): all 2: us-east-1/health, us-east-1/hello", output, StringComparison.Ordinal);
        Assert.Matches(@"T\+00:00\W+T\+02:00\W+baseline\W", output);
        Assert.Matches(@"T\+02:00\W+T\+12:00\W+inject-latency\W+fault latency on us-functions", output);
        Assert.Matches(@"T\+12:00\W+T\+15:00\W+recovery\W", output);
        Assert.Matches(@"3\W+us customers served after failover\W+fault\.start \+ 4m \.\. fault\.end\W+T\+06:00 to T\+12:00\W+success rate >= 99% for us-customers", output);
        Assert.Matches(@"5\W+us health check turns unhealthy\W+fault\W+from T\+02:00, by T\+05:00\W+hc-us unhealthy within 3m", output);
        Assert.Contains("global outage: success rate of all < 40% for 1m (seconds without data: breaching); stops the run and reverts every fault", output, StringComparison.Ordinal);
        Assert.Contains("Checks that cannot pass by construction", output, StringComparison.Ordinal);
        Assert.Contains("none found", output, StringComparison.Ordinal);
        Assert.Contains("Prediction: not available", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_FisSample_PlacesWaitAndDetachAfterAttach()
    {
        var (code, output) = await CliRun.RunAsync("plan", Seed("experiment-fis.yaml"));

        Assert.Equal(ExitCodes.Ok, code);
        // Each configure step lands awsTiming.configureDelay (10s) after it starts.
        Assert.Matches(@"T\+02:00\W+T\+02:10\W+attach\W+configure on us-functions\W", output);
        Assert.Matches(@"T\+02:10\W+T\+12:10\W+wait\W+wait, after attach\W", output);
        Assert.Matches(@"T\+12:10\W+T\+12:20\W+detach\W+configure on us-functions, after wait\W", output);
    }

    [Fact]
    public async Task Plan_CheckThatCannotPass_ExitsOneWithTheArithmeticAndItsLocation()
    {
        var path = SeedWith("becomes: unhealthy, within: 3m", "becomes: unhealthy, within: 20s");

        var (code, output) = await CliRun.RunAsync("plan", path);

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Matches(
            @"experiment\.yaml:\d+:\d+: check 'us health check turns unhealthy' cannot pass: hc-us turns unhealthy only after 3 consecutive failed probes 30s apart, at the earliest \(failureThreshold − 1\) × interval = \(3 − 1\) × 30s = 1m after the first fault starts at T\+02:00",
            output);
        Assert.Contains("but within: 20s after fault.start ends at T+02:20 [health-check-too-slow]; allow within: 2m30s or more", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MisconfiguredSeed_ExitsOneSayingHcUsNeverFails()
    {
        var (code, output) = await CliRun.RunAsync("plan", RepoPaths.Combine("samples", "seed", "misconfigured", "experiment.yaml"));

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Matches(@"misconfigured/experiment\.yaml:\d+:\d+: check 'us health check turns unhealthy' cannot pass: hc-us probes api\.eu-west-1\.example\.test, served by eu-west-1, where no action injects a fault .*\[health-check-never-fails\]", output);
    }

    [Fact]
    public async Task Plan_UnknownOption_ExitsTwoListingPlansOptions()
    {
        var (code, output) = await CliRun.RunAsync("plan", Seed(), "--seeds", "3");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("unknown option '--seeds' for 'faultline plan'; did you mean '--seed'? its options: --topology, --seed, --output, --quiet, -q, --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_TopologyOption_PlansAgainstThatTopology()
    {
        var (code, output) = await CliRun.RunAsync("plan", Seed(), "--topology", RepoPaths.Combine("samples", "seed", "misconfigured", "topology.yaml"));

        Assert.Equal(ExitCodes.Refuted, code);
        Assert.Contains("[health-check-probes-other-region]", output, StringComparison.Ordinal);
        Assert.Contains("[health-check-never-fails]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_MissingExperiment_ExitsTwoNamingIt()
    {
        var (code, output) = await CliRun.RunAsync("plan", Path.Combine(_dir, "nope.yaml"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("nope.yaml", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_WithAPredictor_PrintsItsVerdictsAndTimesFromTheGivenSeed()
    {
        var predictor = new FixedPredictor();
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;

        var code = await FaultlineApp.Create(console, predictor).RunAsync(["plan", Seed(), "--seed", "7"], TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal((20, 7), (predictor.Seeds, predictor.FirstSeed));
        var output = writer.ToString();
        Assert.Contains("20 simulated runs, seeds 7 to 26: held 18, refuted 1, not-run 1; stopped by a stop condition: 1", output, StringComparison.Ordinal);
        Assert.Contains("time to unhealthy, hc-us: median 1m12s (p10 1m3s, p90 1m28s) after the fault phase's start, in 20 of 20 runs", output, StringComparison.Ordinal);
        Assert.Contains("time to DNS moving, us-east-1 → api.example.test: never, in 20 runs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not available", output, StringComparison.Ordinal);
    }

    private sealed class FixedPredictor : IPlanPredictor
    {
        public int Seeds { get; private set; }

        public int FirstSeed { get; private set; }

        public PlanPrediction Predict(Experiment experiment, Core.Topology.Topology topology, int seeds, int firstSeed, CancellationToken cancellationToken)
        {
            (Seeds, FirstSeed) = (seeds, firstSeed);
            return new PlanPrediction
            {
                Seeds = seeds,
                FirstSeed = firstSeed,
                Verdicts = new Dictionary<VerdictKind, int> { [VerdictKind.Held] = 18, [VerdictKind.Refuted] = 1, [VerdictKind.NotRun] = 1 },
                Stopped = 1,
                TimeToUnhealthy = [new PlanTiming { Subject = "hc-us", Runs = 20, Median = TimeSpan.FromSeconds(72.4), P10 = TimeSpan.FromSeconds(63), P90 = TimeSpan.FromSeconds(88) }],
                TimeToDnsMove = [new PlanTiming { Subject = "us-east-1 → api.example.test", Runs = 0 }],
            };
        }
    }
}
