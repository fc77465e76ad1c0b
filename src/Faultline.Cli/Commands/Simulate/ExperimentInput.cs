using Faultline.Cli.Commands.Import;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;

namespace Faultline.Cli.Commands.Simulate;

/// <summary>An experiment and its topology as read from the command line, with their texts for the journal.</summary>
internal sealed record ExperimentInput
{
    /// <summary>The experiment.</summary>
    public required Experiment Experiment { get; init; }

    /// <summary>The topology (the experiment's, or the one <c>--topology</c> named).</summary>
    public required Core.Topology.Topology Topology { get; init; }

    /// <summary>The experiment file's full path.</summary>
    public required string ExperimentPath { get; init; }

    /// <summary>The experiment file's text.</summary>
    public required string ExperimentText { get; init; }

    /// <summary>The topology file's full path.</summary>
    public required string TopologyPath { get; init; }

    /// <summary>The topology file's text.</summary>
    public required string TopologyText { get; init; }

    /// <summary>Warnings the readers gave.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Reads <paramref name="experimentPath"/> (experiment YAML, or an FIS template <c>.json</c> with <paramref name="topologyPath"/>) (and <paramref name="topologyPath"/> instead of the experiment's, when given).</summary>
    /// <returns>The input, or the diagnostics that stop it.</returns>
    public static (ExperimentInput? Input, IReadOnlyList<Diagnostic> Diagnostics) Read(string experimentPath, string? topologyPath)
    {
        if (!File.Exists(experimentPath))
        {
            return (null, [Diagnostic.Error(null, $"{experimentPath}: the experiment file does not exist", "check the path")]);
        }

        var experimentText = File.ReadAllText(experimentPath);
        ExperimentReadResult read;
        if (FisTemplateInput.IsTemplate(experimentPath))
        {
            // An FIS template: the journal keeps the experiment it was imported as.
            (read, var yaml) = FisTemplateInput.Read(experimentPath, topologyPath);
            experimentText = yaml ?? experimentText;
        }
        else
        {
            read = topologyPath is null
                ? ExperimentReader.Read(experimentText, experimentPath)
                : ExperimentReader.Read(experimentText, experimentPath, (_, _) => TopologyReader.Load(topologyPath));
        }

        if (read.HasErrors || read.Experiment is null || read.Topology is null)
        {
            return (null, read.Diagnostics);
        }

        var topologyFile = topologyPath ?? read.Experiment.TopologyPath;
        return (new ExperimentInput
        {
            Experiment = read.Experiment,
            Topology = read.Topology,
            ExperimentPath = Path.GetFullPath(experimentPath),
            ExperimentText = experimentText,
            TopologyPath = Path.GetFullPath(topologyFile),
            TopologyText = File.Exists(topologyFile) ? File.ReadAllText(topologyFile) : string.Empty,
            Warnings = read.Diagnostics,
        }, read.Diagnostics);
    }
}
