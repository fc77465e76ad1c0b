using Faultline.Core.Aws.Fis;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;

namespace Faultline.Cli.Commands.Import;

/// <summary>
/// An FIS experiment template given where an experiment is expected (<c>import fis</c>, and <c>run</c> and
/// <c>simulate</c> with <c>--topology</c>): a <c>.json</c> file is a template, imported with the topology.
/// </summary>
internal static class FisTemplateInput
{
    /// <summary>The bundle's alarms relative to the template's folder (<c>fis/</c>): they give back the stop conditions.</summary>
    public const string AlarmsRelativePath = "../cloudformation/alarms.json";

    /// <summary>Whether <paramref name="path"/> names an FIS template (a <c>.json</c> file) rather than experiment YAML.</summary>
    public static bool IsTemplate(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message when a template is given without a topology.</summary>
    public static Diagnostic TopologyRequired(string path) =>
        Diagnostic.Error(null, $"{path}: an FIS template names no topology", "give the topology its targets map to: --topology topology.yaml");

    /// <summary>Imports the template at <paramref name="templatePath"/> against the topology at <paramref name="topologyPath"/>.</summary>
    /// <param name="templatePath">The template.</param>
    /// <param name="topologyPath">The topology file.</param>
    /// <param name="topologyReference">What the experiment's <c>topology:</c> says (relative to where it is written).</param>
    public static FisImportResult Import(string templatePath, string topologyPath, string topologyReference)
    {
        if (!File.Exists(templatePath))
        {
            return new FisImportResult(null, [Diagnostic.Error(null, $"{templatePath}: the FIS template does not exist", "check the path")]);
        }

        var topology = TopologyReader.Load(topologyPath);
        if (topology.Topology is null || topology.HasErrors)
        {
            return new FisImportResult(null, topology.Diagnostics);
        }

        var alarms = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(templatePath)) ?? ".", AlarmsRelativePath);
        return FisTemplateImporter.Import(new FisImportRequest
        {
            TemplateJson = File.ReadAllText(templatePath),
            TemplatePath = templatePath,
            Topology = topology.Topology,
            TopologyReference = topologyReference,
            AlarmsJson = File.Exists(alarms) ? File.ReadAllText(alarms) : null,
        });
    }

    /// <summary>Reads the template as an experiment, for <c>run</c> and <c>simulate</c>. Also returns the experiment's YAML.</summary>
    public static (ExperimentReadResult Read, string? Yaml) Read(string templatePath, string? topologyPath)
    {
        if (topologyPath is null)
        {
            return (new ExperimentReadResult(null, null, [TopologyRequired(templatePath)], ExperimentSourceMap.Empty), null);
        }

        var imported = Import(templatePath, topologyPath, Path.GetFullPath(topologyPath));
        if (imported.Yaml is null)
        {
            return (new ExperimentReadResult(null, null, imported.Diagnostics, ExperimentSourceMap.Empty), null);
        }

        var read = ExperimentReader.Read(imported.Yaml, templatePath, (_, _) => TopologyReader.Load(topologyPath));
        return (new ExperimentReadResult(read.Experiment, read.TopologyResult, [.. imported.Diagnostics, .. read.Diagnostics], read.SourceMap), imported.Yaml);
    }
}
