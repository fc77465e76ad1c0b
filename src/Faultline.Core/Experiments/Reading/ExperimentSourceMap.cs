using Faultline.Core.Diagnostics;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// Where each part of an experiment was written, so diagnostics found later (the run, the verdict) can point
/// at the line. Paths follow the file: <c>hypothesis/checks/0/successRate</c>, <c>targets/us-functions/region</c>,
/// <c>actions/inject-latency/duration</c>, <c>actions/attach/configure/target</c>, <c>stopConditions/0/below</c>.
/// </summary>
public sealed class ExperimentSourceMap
{
    private readonly IReadOnlyDictionary<string, SourceLocation> _locations;

    /// <summary>Creates a map from recorded paths.</summary>
    public ExperimentSourceMap(IReadOnlyDictionary<string, SourceLocation> locations)
    {
        ArgumentNullException.ThrowIfNull(locations);
        _locations = locations;
    }

    /// <summary>A map that knows no locations (for experiments built in code).</summary>
    public static ExperimentSourceMap Empty { get; } = new(new Dictionary<string, SourceLocation>());

    /// <summary>The location recorded for a path, or <c>null</c>.</summary>
    public SourceLocation? Find(string path) => _locations.GetValueOrDefault(path);

    /// <summary>Where the <c>topology</c> reference is written.</summary>
    public SourceLocation? Topology() => Find("topology");

    /// <summary>Where the check at <paramref name="index"/> (file order) is written; with <paramref name="key"/>, that key's value.</summary>
    public SourceLocation? Check(int index, string? key = null) => KeyOr($"hypothesis/checks/{index}", key);

    /// <summary>Where a target is named; with <paramref name="key"/>, where that key's value is (else the target).</summary>
    public SourceLocation? Target(string name, string? key = null) => KeyOr($"targets/{name}", key);

    /// <summary>Where an action is named; with <paramref name="key"/>, where that key's value is (else the action).</summary>
    public SourceLocation? Action(string name, string? key = null) => KeyOr($"actions/{name}", key);

    /// <summary>Where the stop condition at <paramref name="index"/> is written; with <paramref name="key"/>, that key's value.</summary>
    public SourceLocation? StopCondition(int index, string? key = null) => KeyOr($"stopConditions/{index}", key);

    private SourceLocation? KeyOr(string path, string? key) =>
        key is not null && Find($"{path}/{key}") is { } located ? located : Find(path);
}
