using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Planning;
using Faultline.Core.Runs;
using Faultline.Core.Simulation;
using Faultline.Lab.Runs;

namespace Faultline.Lab.Simulation;

/// <summary>
/// <c>faultline plan</c>'s prediction from the simulated engine: the experiment over a few seeds in virtual time
/// (about a second for the seed's 20), without run folders.
/// </summary>
public sealed class SimulatedPlanPredictor : IPlanPredictor
{
    /// <inheritdoc />
    public PlanPrediction Predict(Experiment experiment, Core.Topology.Topology topology, int seeds, int firstSeed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(topology);
        var options = new RunOptions
        {
            Engine = RunEngine.Simulated,
            TimeScale = 1,
            Seed = firstSeed,
            ExperimentPath = "plan",
            ExperimentText = string.Empty,
            TopologyPath = experiment.TopologyPath,
            TopologyText = string.Empty,
            WriteRunFolder = false,
        };
        var seedList = Enumerable.Range(0, seeds).Select(i => unchecked(firstSeed + i)).ToArray();
        SimulationSummary summary;
        IReadOnlyList<RunOutcome> runs;
        try
        {
            (summary, runs) = SimulationBatch.RunAsync(experiment, topology, options, seedList, string.Empty, [], completed: null, cancellationToken).GetAwaiter().GetResult();
        }
        catch (SimulationNotSupportedException ex)
        {
            throw new InvalidInputException([Diagnostic.Error(null, ex.Message, "run it live with 'faultline run'")]);
        }

        static IReadOnlyList<PlanTiming> Timings(IReadOnlyDictionary<string, TimeDistribution> spread) =>
            spread.Where(p => p.Value.Count > 0).Select(p => new PlanTiming { Subject = p.Key, Runs = p.Value.Count, Median = p.Value.P50, P10 = p.Value.P10, P90 = p.Value.P90 }).ToArray();

        return new PlanPrediction
        {
            Seeds = seeds,
            FirstSeed = firstSeed,
            Verdicts = summary.Verdicts,
            Stopped = runs.Count(r => r.FinalState == RunState.Stopped),
            TimeToUnhealthy = Timings(summary.TimeToUnhealthy),
            TimeToDnsMove = Timings(summary.TimeToDnsMove),
        };
    }
}
