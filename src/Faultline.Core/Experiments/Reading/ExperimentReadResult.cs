using Faultline.Core.Diagnostics;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// The outcome of reading an experiment file: the experiment and its topology when both are valid, and every
/// diagnostic found in either file.
/// </summary>
public sealed class ExperimentReadResult
{
    /// <summary>Creates a result.</summary>
    public ExperimentReadResult(Experiment? experiment, TopologyReadResult? topologyResult, IReadOnlyList<Diagnostic> diagnostics, ExperimentSourceMap sourceMap)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(sourceMap);
        Diagnostics = diagnostics;
        SourceMap = sourceMap;
        TopologyResult = topologyResult;
        Experiment = HasErrors ? null : experiment;
        Topology = HasErrors ? null : topologyResult?.Topology;
    }

    /// <summary>The experiment, or <c>null</c> when any error was found (in it or in its topology).</summary>
    public Experiment? Experiment { get; }

    /// <summary>The referenced topology, or <c>null</c> when any error was found.</summary>
    public Topology.Topology? Topology { get; }

    /// <summary>
    /// The topology as read, even when the experiment has errors (for its source map and lint); <c>null</c>
    /// when the experiment names no topology or the file was not found.
    /// </summary>
    public TopologyReadResult? TopologyResult { get; }

    /// <summary>Errors and warnings of both files, in order of discovery (the topology's first).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Where each check, target, action and stop condition was written.</summary>
    public ExperimentSourceMap SourceMap { get; }

    /// <summary>The experiment; throws <see cref="InvalidInputException"/> carrying every diagnostic when there are errors.</summary>
    public Experiment ThrowIfInvalid() => Experiment ?? throw new InvalidInputException(Diagnostics);
}
