using Faultline.Core.Diagnostics;

namespace Faultline.Core.Yaml;

/// <summary>
/// What one read of one file collects: its display path, every diagnostic found (readers keep going
/// after the first), and where each value was written, by path (e.g. <c>healthChecks/hc-us/fqdn</c>),
/// so later checks can point at the line that caused them.
/// </summary>
public sealed class YamlReadContext
{
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);

    /// <summary>Creates a context for a file shown to users as <paramref name="displayPath"/>.</summary>
    public YamlReadContext(string displayPath)
    {
        ArgumentNullException.ThrowIfNull(displayPath);
        DisplayPath = displayPath;
    }

    /// <summary>The path used in diagnostics, e.g. <c>topology.yaml</c>.</summary>
    public string DisplayPath { get; }

    /// <summary>
    /// Told by <see cref="MappingReader.Complete"/> of each mapping checked for unknown keys, with the keys its
    /// reader accepts there; <c>null</c> (the default) tells no one. The JSON Schemas in <c>schemas/</c> are
    /// compared with these keys by a test, so a key added to a reader and not to its schema (or the other way
    /// round) fails the build rather than an editor.
    /// </summary>
    internal Action<YamlMapping, IReadOnlyList<string>>? KeysChecked { get; init; }

    /// <summary>
    /// Every diagnostic so far, in the order found. An error whose place could not be told (a value the
    /// location map does not know, as after hostile edits) is placed at the start of the file, so every
    /// error of a file names the file, a line and a column.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics =>
        _diagnostics.Any(d => d.Location is null)
            ? _diagnostics.Select(d => d.Location is null ? d with { Location = StartOfFile } : d).ToList()
            : _diagnostics;

    /// <summary>Whether any error was found.</summary>
    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Recorded locations by path. The first location recorded for a path wins.</summary>
    public IReadOnlyDictionary<string, SourceLocation> Locations => _locations;

    /// <summary>The location at the start of the file (for problems of the file as a whole).</summary>
    public SourceLocation StartOfFile => new(DisplayPath, 1, 1);

    /// <summary>Adds an error.</summary>
    public void Error(SourceLocation? location, string message, string? fix) => _diagnostics.Add(Diagnostic.Error(location, message, fix));

    /// <summary>Adds a warning.</summary>
    public void Warning(SourceLocation? location, string message, string? fix) => _diagnostics.Add(Diagnostic.Warning(location, message, fix));

    /// <summary>Adds a diagnostic built elsewhere.</summary>
    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    /// <summary>Records where the value at <paramref name="path"/> was written; the first record wins.</summary>
    public void Record(string path, SourceLocation location) => _locations.TryAdd(path, location);

    /// <summary>The recorded location of a path, or <c>null</c>.</summary>
    public SourceLocation? Find(string path) => _locations.GetValueOrDefault(path);
}
