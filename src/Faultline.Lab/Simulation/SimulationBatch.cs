using Faultline.Core.Experiments;
using Faultline.Core.Runs;
using Faultline.Core.Simulation;
using Faultline.Lab.Runs;

namespace Faultline.Lab.Simulation;

/// <summary>
/// Many simulated runs of one experiment: a seed each, run side by side on the machine's cores (each on its own
/// virtual clock, so they cannot disturb each other), summarised into a <see cref="SimulationSummary"/>.
/// </summary>
public static class SimulationBatch
{
    /// <summary>Runs <paramref name="experiment"/> once per seed in <paramref name="seeds"/> and summarises the runs.</summary>
    /// <param name="experiment">The experiment.</param>
    /// <param name="topology">Its topology.</param>
    /// <param name="options">The runs' options (the seed is replaced per run; <see cref="RunOptions.RunsRoot"/> receives each run's folder).</param>
    /// <param name="seeds">The seeds, in order.</param>
    /// <param name="label">The sweep point's label (empty without a sweep).</param>
    /// <param name="settings">The sweep point's values.</param>
    /// <param name="completed">Called after each run (from any thread), for progress.</param>
    /// <param name="cancellationToken">Stops starting runs.</param>
    public static async Task<(SimulationSummary Summary, IReadOnlyList<RunOutcome> Runs)> RunAsync(
        Experiment experiment,
        Core.Topology.Topology topology,
        RunOptions options,
        IReadOnlyList<int> seeds,
        string label,
        IReadOnlyList<KeyValuePair<string, string>> settings,
        Action? completed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(seeds);
        var measures = new RunMeasures[seeds.Count];
        var outcomes = new RunOutcome[seeds.Count];
        var checks = topology.HealthChecks.Select(c => c.Id).ToArray();
        await Parallel.ForAsync(0, seeds.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, async (i, token) =>
        {
            var recorder = new EventRecorder();
            await using var lab = new SimulatedRunLab(topology, seeds[i]);
            var outcome = await ExperimentRunner.RunAsync(experiment, topology, options with { Seed = seeds[i], Engine = RunEngine.Simulated }, lab, recorder, loggers: null, token).ConfigureAwait(false);
            outcomes[i] = outcome;
            measures[i] = RunMeasures.From(recorder.Events, outcome.Verdict, checks);
            completed?.Invoke();
        }).ConfigureAwait(false);
        return (SimulationSummary.Of(label, settings, seeds, measures), outcomes);
    }
}
