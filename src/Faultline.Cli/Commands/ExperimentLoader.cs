using Faultline.Cli.Output;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;
using Faultline.Core.Yaml;
using Spectre.Console;

namespace Faultline.Cli.Commands;

/// <summary>Reads an experiment and its topology for a command that does not run it (<c>plan</c>, <c>lint</c>).</summary>
internal static class ExperimentLoader
{
    /// <summary>
    /// Reads the experiment at <paramref name="path"/> with the topology it names, or <paramref name="topologyOverride"/>.
    /// On errors prints every diagnostic and returns <c>null</c>.
    /// </summary>
    public static ExperimentReadResult? Load(IAnsiConsole console, string path, string? topologyOverride)
    {
        ExperimentReadResult read;
        if (topologyOverride is null)
        {
            read = ExperimentReader.Load(path);
        }
        else
        {
            var text = InputFiles.TryRead(path, "experiment", out var error);
            read = text is null
                ? new ExperimentReadResult(null, null, [error ?? ExperimentErrors.FileNotFound(path)], ExperimentSourceMap.Empty)
                : ExperimentReader.Read(text, path, (_, _) => TopologyReader.Load(topologyOverride));
        }

        if (read.HasErrors || read.Experiment is null || read.Topology is null)
        {
            DiagnosticWriter.Write(console, read.Diagnostics.Count > 0 ? read.Diagnostics : [ExperimentErrors.FileNotFound(path)]);
            return null;
        }

        return read;
    }

    /// <summary>
    /// Whether the file at <paramref name="path"/> is an experiment rather than a topology: its top level names a
    /// <c>hypothesis</c> or a <c>topology</c>, keys only experiments have. A file that is not YAML, or not there, is not.
    /// </summary>
    public static bool IsExperiment(string path)
    {
        var text = InputFiles.TryRead(path, "file", out _);
        if (text is null)
        {
            return false;
        }

        var root = YamlDocumentReader.Read(text, new YamlReadContext(path));
        return root is YamlMapping mapping && (mapping.Find("hypothesis") is not null || mapping.Find("topology") is not null);
    }
}
