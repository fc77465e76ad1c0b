using Faultline.Core.Experiments;

namespace Faultline.Core.Planning;

/// <summary>
/// Predicts how an experiment will go before anything runs, for <c>faultline plan</c>: runs it <c>seeds</c> times
/// (seeds <c>firstSeed</c>, <c>firstSeed + 1</c>, …) in an engine that needs no lab, and summarizes the outcomes.
/// </summary>
public interface IPlanPredictor
{
    /// <summary>Runs <paramref name="experiment"/> on <paramref name="topology"/> once per seed and summarizes the outcomes.</summary>
    /// <param name="experiment">The experiment, valid (as the reader produced it).</param>
    /// <param name="topology">The topology it runs against.</param>
    /// <param name="seeds">How many runs, each with its own seed; <c>plan</c> asks for <see cref="PlanPrediction.DefaultSeeds"/>.</param>
    /// <param name="firstSeed">The first run's seed; the others follow it.</param>
    /// <param name="cancellationToken">Stops the prediction (Ctrl-C).</param>
    PlanPrediction Predict(Experiment experiment, Topology.Topology topology, int seeds, int firstSeed, CancellationToken cancellationToken);
}
