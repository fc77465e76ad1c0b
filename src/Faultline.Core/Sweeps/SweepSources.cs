using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Sweeps;

/// <summary>
/// The texts a sweep edits: the experiment file and the topology it names, with the paths diagnostics show.
/// Every point is read from edits of these texts, so a change on disk during a sweep changes nothing.
/// </summary>
/// <param name="ExperimentText">The experiment file's text.</param>
/// <param name="ExperimentPath">The experiment's display path (its <c>topology:</c> is resolved against its folder).</param>
/// <param name="TopologyText">The text of the topology the experiment names.</param>
/// <param name="TopologyPath">Where the topology was read from, as diagnostics show it.</param>
public sealed record SweepSources(string ExperimentText, string ExperimentPath, string TopologyText, string TopologyPath)
{
    /// <summary>
    /// Reads an experiment file and the topology file it names. Throws <see cref="InvalidInputException"/>
    /// with every diagnostic when either file is missing, unreadable or invalid (a sweep of invalid files
    /// would report their errors at every point).
    /// </summary>
    public static SweepSources Load(string experimentPath)
    {
        ArgumentNullException.ThrowIfNull(experimentPath);
        var experimentText = InputFiles.TryRead(experimentPath, "experiment", out var error);
        if (experimentText is null)
        {
            throw new InvalidInputException([error ?? Experiments.Reading.ExperimentErrors.FileNotFound(experimentPath)]);
        }

        string? topologyText = null;
        string? topologyPath = null;
        var result = ExperimentReader.Read(experimentText, experimentPath, (full, display) =>
        {
            topologyText = InputFiles.TryRead(full, "topology", out var topologyError);
            topologyPath = display;
            return topologyError is not null ? new TopologyReadResult(null, [topologyError], TopologySourceMap.Empty)
                : topologyText is null ? null
                : TopologyReader.Read(topologyText, display);
        });
        if (result.HasErrors || topologyText is null || topologyPath is null)
        {
            throw new InvalidInputException(result.Diagnostics);
        }

        return new SweepSources(experimentText, experimentPath, topologyText, topologyPath);
    }
}
