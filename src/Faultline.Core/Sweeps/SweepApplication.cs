using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;

namespace Faultline.Core.Sweeps;

/// <summary>
/// One sweep point applied: the edited texts (which the run's journal stores) and the experiment and
/// topology the readers made of them, or the diagnostics when a value was rejected.
/// </summary>
public sealed class SweepApplication
{
    /// <summary>Creates an application.</summary>
    public SweepApplication(SweepPoint point, Experiment? experiment, Topology.Topology? topology, string experimentText, string topologyText, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(experimentText);
        ArgumentNullException.ThrowIfNull(topologyText);
        ArgumentNullException.ThrowIfNull(diagnostics);
        Point = point;
        ExperimentText = experimentText;
        TopologyText = topologyText;
        Diagnostics = diagnostics;
        Experiment = HasErrors ? null : experiment;
        Topology = HasErrors ? null : topology;
    }

    /// <summary>The point applied.</summary>
    public SweepPoint Point { get; }

    /// <summary>The experiment with the point's values, or <c>null</c> when any error was found.</summary>
    public Experiment? Experiment { get; }

    /// <summary>The topology with the point's values, or <c>null</c> when any error was found.</summary>
    public Topology.Topology? Topology { get; }

    /// <summary>The experiment text with the point's values written in (comments and layout kept).</summary>
    public string ExperimentText { get; }

    /// <summary>The topology text with the point's values written in (comments and layout kept).</summary>
    public string TopologyText { get; }

    /// <summary>
    /// Problems the point's values caused, attributed to their <c>--set</c> argument and the point; warnings
    /// the files give without the sweep are left out.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
