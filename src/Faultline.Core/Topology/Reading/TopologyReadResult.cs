using Faultline.Core.Diagnostics;

namespace Faultline.Core.Topology.Reading;

/// <summary>The outcome of reading a topology file: the topology when valid, and every diagnostic found.</summary>
public sealed class TopologyReadResult
{
    /// <summary>Creates a result.</summary>
    public TopologyReadResult(Topology? topology, IReadOnlyList<Diagnostic> diagnostics, TopologySourceMap sourceMap)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(sourceMap);
        Diagnostics = diagnostics;
        SourceMap = sourceMap;
        Topology = HasErrors ? null : topology;
    }

    /// <summary>The topology, or <c>null</c> when any error was found.</summary>
    public Topology? Topology { get; }

    /// <summary>Errors and warnings, in file order of discovery.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Where each health check, record, set, function and client was written.</summary>
    public TopologySourceMap SourceMap { get; }

    /// <summary>The topology; throws <see cref="InvalidInputException"/> carrying every diagnostic when there are errors.</summary>
    public Topology ThrowIfInvalid() => Topology ?? throw new InvalidInputException(Diagnostics);
}
