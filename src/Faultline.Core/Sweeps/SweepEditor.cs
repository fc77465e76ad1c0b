using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;

namespace Faultline.Core.Sweeps;

/// <summary>The files of one sweep read once, its paths resolved once; applies points one by one.</summary>
internal sealed class SweepEditor
{
    private readonly SweepSources _sources;
    private readonly string _topologyDisplay;
    private readonly HashSet<string> _baselineWarnings;
    private readonly Dictionary<SweepAxis, ResolvedPath> _paths;

    private SweepEditor(SweepSources sources, string topologyDisplay, HashSet<string> baselineWarnings, Dictionary<SweepAxis, ResolvedPath> paths)
    {
        _sources = sources;
        _topologyDisplay = topologyDisplay;
        _baselineWarnings = baselineWarnings;
        _paths = paths;
    }

    /// <summary>The editor, or <c>null</c> with the problems of the files (as the readers give them) or of the paths.</summary>
    public static SweepEditor? Create(SweepSources sources, IReadOnlyList<SweepAxis> axes, out IReadOnlyList<Diagnostic> problems)
    {
        var baseline = Read(sources.ExperimentText, sources.ExperimentPath, sources.TopologyText, out var topologyDisplay);
        var experimentRoot = SpanTree.Parse(sources.ExperimentText);
        var topologyRoot = SpanTree.Parse(sources.TopologyText);
        if (baseline.HasErrors || experimentRoot is null || topologyRoot is null || topologyDisplay is null)
        {
            problems = baseline.Diagnostics;
            return null;
        }

        var errors = new List<Diagnostic>();
        var paths = new Dictionary<SweepAxis, ResolvedPath>();
        var places = new Dictionary<(SweepFile, int, string), SweepAxis>();
        foreach (var axis in axes)
        {
            if (PathResolver.Resolve(axis, experimentRoot, topologyRoot, out var error) is not { } path)
            {
                errors.Add(error!);
                continue;
            }

            // The same place written two ways (with and without a file prefix, by name: and by id:).
            if (!places.TryAdd(path.Identity, axis))
            {
                errors.Add(SweepErrors.DuplicatePath(axis.Argument, axis.Path, places[path.Identity].Argument));
                continue;
            }

            paths.Add(axis, path);
        }

        problems = errors;
        if (errors.Count > 0)
        {
            return null;
        }

        var warnings = baseline.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => $"{d.Message}; {d.Fix}").ToHashSet(StringComparer.Ordinal);
        return new SweepEditor(sources, topologyDisplay, warnings, paths);
    }

    public SweepApplication Apply(SweepPoint point)
    {
        var experimentEdits = new List<(SweepSetting Setting, TextEdit Edit)>();
        var topologyEdits = new List<(SweepSetting Setting, TextEdit Edit)>();
        foreach (var setting in point.Settings)
        {
            var path = _paths[setting.Axis];
            var experiment = path.File == SweepFile.Experiment;
            var edit = TextEdit.For(path, setting.Value, experiment ? _sources.ExperimentText : _sources.TopologyText);
            (experiment ? experimentEdits : topologyEdits).Add((setting, edit));
        }

        var experimentText = TextEdit.Apply(_sources.ExperimentText, experimentEdits.Select(e => e.Edit));
        var topologyText = TextEdit.Apply(_sources.TopologyText, topologyEdits.Select(e => e.Edit));
        var result = Read(experimentText, _sources.ExperimentPath, topologyText, out _);
        var diagnostics = result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error || !_baselineWarnings.Contains($"{d.Message}; {d.Fix}"))
            .ToList();
        if (diagnostics.Count > 0)
        {
            diagnostics = Attribute(point, diagnostics, experimentText, topologyText, experimentEdits.Select(e => e.Edit).ToList(), topologyEdits.Select(e => e.Edit).ToList());
        }

        return new SweepApplication(point, result.Experiment, result.Topology, experimentText, topologyText, diagnostics);
    }

    private static ExperimentReadResult Read(string experimentText, string experimentPath, string topologyText, out string? topologyDisplay)
    {
        string? display = null;
        var result = ExperimentReader.Read(experimentText, experimentPath, (_, shown) =>
        {
            // The experiment names its topology; the sweep's (edited) text stands in for that file.
            display = shown;
            return TopologyReader.Read(topologyText, shown);
        });
        topologyDisplay = display;
        return result;
    }

    // A problem at a swept value or an added key is the argument's; anything else keeps its place in the
    // file (mapped back to the line as the user wrote it) and names the point.
    private List<Diagnostic> Attribute(SweepPoint point, List<Diagnostic> diagnostics, string experimentText, string topologyText, List<TextEdit> experimentEdits, List<TextEdit> topologyEdits)
    {
        var experimentRoot = SpanTree.Parse(experimentText);
        var topologyRoot = SpanTree.Parse(topologyText);
        var places = new List<(string File, int Line, int Column, SweepSetting Setting, bool IsKey)>();
        if (experimentRoot is not null && topologyRoot is not null)
        {
            foreach (var setting in point.Settings)
            {
                if (PathResolver.Resolve(setting.Axis, experimentRoot, topologyRoot, out _) is { Value: { } value } edited)
                {
                    var file = edited.File == SweepFile.Experiment ? _sources.ExperimentPath : _topologyDisplay;
                    places.Add((file, value.Line, value.Column, setting, false));
                    if (edited.Key is { } key)
                    {
                        places.Add((file, key.Line, key.Column, setting, true));
                    }
                }
            }
        }

        var result = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var at = diagnostic.Location;
            var place = at is null ? default : places.FirstOrDefault(p => p.File == at.File && p.Line == at.Line && p.Column == at.Column);
            if (place.Setting is { } setting)
            {
                result.Add(place.IsKey && _paths[setting.Axis].AddsKey
                    ? SweepErrors.AtKey(setting.Axis.Argument, diagnostic)
                    : SweepErrors.AtValue(setting.Axis.Argument, point, diagnostic));
                continue;
            }

            var edits = at?.File == _sources.ExperimentPath ? experimentEdits : at?.File == _topologyDisplay ? topologyEdits : [];
            var original = at is null ? null : at with { Line = TextEdit.OriginalLine(at.Line, edits) };
            result.Add(SweepErrors.AtPoint(point, diagnostic, original));
        }

        return result.DistinctBy(d => d.ToString()).ToList();
    }
}
