using Faultline.Core.Diagnostics;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Yaml;

namespace Faultline.Core.Experiments.Reading;

/// <summary>
/// Reads an experiment file (docs/experiments.md) and the topology it names into a validated <see cref="Experiment"/>,
/// reporting every problem of both files at once, each with file, line, column and the fix.
/// </summary>
public static class ExperimentReader
{
    /// <summary>
    /// Reads experiment YAML; <paramref name="displayPath"/> names the file in diagnostics, and the topology
    /// path is resolved against its folder (relative display paths are taken from the current directory).
    /// </summary>
    public static ExperimentReadResult Read(string yamlText, string displayPath) =>
        Read(yamlText, displayPath, LoadTopologyFile);

    /// <summary>
    /// Reads experiment YAML with the topology supplied by <paramref name="loadTopology"/>, which gets the
    /// topology's absolute path and its display path and returns <c>null</c> when there is no such file
    /// (tests and embedded samples use this to read without a file system).
    /// </summary>
    public static ExperimentReadResult Read(string yamlText, string displayPath, Func<string, string, TopologyReadResult?> loadTopology)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(displayPath);
        ArgumentNullException.ThrowIfNull(loadTopology);
        return Read(yamlText, new YamlReadContext(displayPath), loadTopology);
    }

    /// <summary>Reads experiment YAML into <paramref name="context"/> (which names the file), for callers that listen to it.</summary>
    internal static ExperimentReadResult Read(string yamlText, YamlReadContext context, Func<string, string, TopologyReadResult?> loadTopology)
    {
        var displayPath = context.DisplayPath;
        Experiment? experiment = null;
        TopologyReadResult? topology = null;
        if (YamlDocumentReader.Read(yamlText, context) is { } root)
        {
            var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(displayPath)) ?? Environment.CurrentDirectory;
            var mapper = new ExperimentYamlMapper(context, baseDirectory, loadTopology);
            var draft = mapper.Map(root);
            topology = mapper.TopologyResult;
            ExperimentValidator.Validate(draft, new ExperimentSourceMap(context.Locations), mapper.WrittenTargets, mapper.WrittenActions, context);
            experiment = draft with { SourcePath = displayPath };
        }

        return new ExperimentReadResult(experiment, topology, [.. context.Diagnostics], new ExperimentSourceMap(context.Locations));
    }

    /// <summary>Reads an experiment file and its topology. A missing, unreadable or folder path is a diagnostic, not an exception.</summary>
    public static ExperimentReadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = InputFiles.TryRead(path, "experiment", out var error);
        if (text is null)
        {
            return new ExperimentReadResult(null, null, [error ?? ExperimentErrors.FileNotFound(path)], ExperimentSourceMap.Empty);
        }

        return Read(text, path);
    }

    private static TopologyReadResult? LoadTopologyFile(string fullPath, string displayPath)
    {
        var text = InputFiles.TryRead(fullPath, "topology", out var error);
        return error is not null ? new TopologyReadResult(null, [error], TopologySourceMap.Empty)
            : text is null ? null
            : TopologyReader.Read(text, displayPath);
    }
}
