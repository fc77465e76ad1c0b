using Faultline.Core.Experiments.Reading;
using Faultline.Core.Runs;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Verdict;
using Faultline.Lab.Runs;
using Faultline.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Tests.Simulation;

/// <summary>One runner test, two engines: the runner drives its own live lab and the simulated lab through the same seam.</summary>
[Collection(SimulationCollection.Name)]
public sealed class RunSeamTests : IDisposable
{
    // Faster checks than the seed (10 s × 3) and a short schedule, so the live engine takes seconds at 20×.
    private const string ExperimentYaml = """
        topology: ./topology.yaml
        seed: 42
        hypothesis:
          title: us fails over to eu
          checks:
            - { name: steady state, clients: all, during: baseline, successRate: ">= 99%" }
            - { name: eu customers unaffected, clients: eu-customers, during: fault, successRate: ">= 99%" }
            - { name: us health check turns unhealthy, healthCheck: hc-us, becomes: unhealthy, within: 50s }
        load:
          clients: [us-customers, eu-customers]
          baseline: 20s
          recovery: 10s
        targets:
          us-functions: { type: function, region: us-east-1, selectionMode: ALL }
        actions:
          break-us: { fault: error, target: us-functions, percentage: 100, duration: 60s }
        # Engine parity, not AWS's timing: the fault takes effect the moment its action starts.
        awsTiming: { lambdaRampUp: 0s, lambdaRampDown: 0s }
        """;

    private readonly string _home = Directory.CreateTempSubdirectory("faultline-seam-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Theory]
    [InlineData(RunEngine.Live)]
    [InlineData(RunEngine.Simulated)]
    public async Task Run_OnEitherEngine_GivesTheSameVerdictAndChecks(RunEngine engine)
    {
        var ct = TestContext.Current.CancellationToken;
        var topologyText = File.ReadAllText(RepoPaths.Combine("samples", "seed", "topology.yaml"))
            .Replace("interval: 30s, failureThreshold: 3", "interval: 10s, failureThreshold: 3", StringComparison.Ordinal);
        var topologyPath = Path.Combine(_home, "topology.yaml");
        var experimentPath = Path.Combine(_home, "experiment.yaml");
        await File.WriteAllTextAsync(topologyPath, topologyText, ct);
        await File.WriteAllTextAsync(experimentPath, ExperimentYaml, ct);
        var read = ExperimentReader.Read(ExperimentYaml, experimentPath, (full, _) => TopologyReader.Load(full));
        Assert.False(read.HasErrors, string.Join("; ", read.Diagnostics));
        var options = new RunOptions
        {
            Engine = engine,
            TimeScale = 20,
            Seed = 42,
            RunsRoot = Path.Combine(_home, "runs"),
            ExperimentPath = experimentPath,
            ExperimentText = ExperimentYaml,
            TopologyPath = topologyPath,
            TopologyText = topologyText,
        };

        await using var lab = ExperimentRunner.CreateLab(read.Experiment!, read.Topology!, options, NullLoggerFactory.Instance);
        var outcome = await ExperimentRunner.RunAsync(read.Experiment!, read.Topology!, options, lab, observer: null, loggers: null, ct);

        Assert.Equal(engine, lab.Engine);
        var impaired = outcome.Verdict.Checks.Where(c => c.HostImpaired is not null).ToList();
        if (engine == RunEngine.Live && impaired.Count > 0)
        {
            // The live engine may say it cannot tell on a starved host; it must then say why, never guess.
            Assert.Equal(VerdictKind.Inconclusive, outcome.Verdict.Kind);
            return;
        }

        Assert.Equal(VerdictKind.Held, outcome.Verdict.Kind);
        Assert.All(outcome.Verdict.Checks, c => Assert.True(c.Passed, $"{c.Name}: {c.Explanation}"));
        var result = await File.ReadAllTextAsync(Path.Combine(outcome.Directory, "result.json"), ct);
        Assert.Contains($"\"engine\": \"{(engine == RunEngine.Live ? "live" : "simulated")}\"", result, StringComparison.Ordinal);
    }
}
