using System.Diagnostics;
using System.Globalization;
using System.Text;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Runs;
using Faultline.Core.Simulation;
using Faultline.Lab.Runs;
using Faultline.Lab.Simulation;

namespace Faultline.Benchmarks;

/// <summary>
/// The simulated engine's cost (bench/simulate.sh): one seed run of the seed experiment inside the process, a batch of
/// seeds, and how the cost grows with rate × duration. Writes a Markdown table.
/// </summary>
internal static class SimulateBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var output = args[0];
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var read = ExperimentReader.Load("samples/seed/experiment.yaml");
        var experiment = read.Experiment!;
        var topology = read.Topology!;
        var options = new RunOptions
        {
            Engine = RunEngine.Simulated,
            TimeScale = 1,
            Seed = 42,
            ExperimentPath = "samples/seed/experiment.yaml",
            ExperimentText = string.Empty,
            TopologyPath = "samples/seed/topology.yaml",
            TopologyText = string.Empty,
            WriteRunFolder = false,
        };

        // Warm up the JIT once, as a second command in the same process would find it.
        await OnceAsync(experiment, topology, options, 1);
        var singles = new List<double>();
        long events = 0;
        for (var i = 0; i < 5; i++)
        {
            var (elapsed, count) = await OnceAsync(experiment, topology, options, 42 + i);
            singles.Add(elapsed.TotalSeconds);
            events = count;
        }

        singles.Sort();
        var batchWatch = Stopwatch.StartNew();
        var (summary, _) = await SimulationBatch.RunAsync(experiment, topology, options, Enumerable.Range(42, batch).ToArray(), string.Empty, [], completed: null, CancellationToken.None);
        var batchSeconds = batchWatch.Elapsed.TotalSeconds;

        var md = new StringBuilder();
        md.AppendLine("# Simulated engine cost");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Run {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/simulate.sh` on {Environment.ProcessorCount} CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}. Load average at the start: {BenchProcesses.LoadAverage()}.");
        md.AppendLine();
        md.AppendLine("The seed experiment (samples/seed: 15 lab minutes, 2 × 20 req/s, 2 health checks × 16 checkers at 30 s), measured inside the process after one warm-up run, without run folders (as `simulate --runs` does; a single `simulate` also writes journal.db, result.json and the report).");
        md.AppendLine();
        md.AppendLine("| measure | goal | result |");
        md.AppendLine("|---|---|---|");
        md.AppendLine(CultureInfo.InvariantCulture, $"| one seed run, median of 5 (min / max) | ≤ 1 s | {singles[2]:0.000} s ({singles[0]:0.000} / {singles[^1]:0.000}), {events:N0} events |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| {batch} seeds (`simulate --runs {batch}`), {Environment.ProcessorCount} runs at a time | ≤ 30 s | {batchSeconds:0.0} s ({batchSeconds / batch * 1000:0} ms per run); verdicts {string.Join(", ", summary.Verdicts.Select(v => $"{v.Key} {v.Value}"))} |");
        md.AppendLine();
        md.AppendLine("How the cost grows with rate × duration (one run, both populations at the rate, the seed's schedule stretched):");
        md.AppendLine();
        md.AppendLine("| rate per population | lab minutes | requests | events | wall time | µs per request |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (var (rate, stretch) in new[] { (20, 1), (100, 1), (500, 1), (20, 4), (100, 4) })
        {
            var scaled = ExperimentReader.Read(
                File.ReadAllText("samples/seed/experiment.yaml").Replace("baseline: 2m", $"baseline: {2 * stretch}m", StringComparison.Ordinal).Replace("recovery: 3m", $"recovery: {3 * stretch}m", StringComparison.Ordinal).Replace("duration: 10m", $"duration: {10 * stretch}m", StringComparison.Ordinal),
                Path.GetFullPath("samples/seed/experiment.yaml"));
            var clients = scaled.Topology!.Clients.Select(c => c with { RatePerSecond = rate }).ToArray();
            var stretched = scaled.Topology with { Clients = clients };
            var (elapsed, count) = await OnceAsync(scaled.Experiment!, stretched, options, 42);
            var minutes = 15 * stretch;
            var requests = (long)rate * 2 * minutes * 60;
            md.AppendLine(CultureInfo.InvariantCulture, $"| {rate}/s | {minutes} | {requests:N0} | {count:N0} | {elapsed.TotalSeconds:0.000} s | {elapsed.TotalMilliseconds * 1000 / requests:0.0} |");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Load average at the end: {BenchProcesses.LoadAverage()}.");
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine(md);
        return 0;
    }

    private static async Task<(TimeSpan Elapsed, long Events)> OnceAsync(Core.Experiments.Experiment experiment, Core.Topology.Topology topology, RunOptions options, int seed)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await using var lab = new SimulatedRunLab(topology, seed);
        await ExperimentRunner.RunAsync(experiment, topology, options with { Seed = seed }, lab, observer: null, loggers: null, CancellationToken.None);
        Console.Error.WriteLine($"seed {seed}: {watch.Elapsed.TotalMilliseconds:0} ms, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:0} MB allocated, {lab.Clock.EventsRun:N0} events");
        return (watch.Elapsed, lab.Clock.EventsRun);
    }
}
