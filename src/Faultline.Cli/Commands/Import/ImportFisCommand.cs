using Faultline.Cli.Output;
using Faultline.Cli.Samples;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Topology.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Import;

/// <summary>
/// <c>faultline import fis TEMPLATE.json [--topology FILE] [--out experiment.yaml]</c>: the template as an
/// experiment (docs/aws.md), checked by the experiment reader before it is written, with a first line naming its
/// JSON Schema for editors (<see cref="SchemaHeader"/>).
/// Exit codes: 0 written (warnings allowed), 2 invalid input (nothing written).
/// </summary>
internal sealed class ImportFisCommand(IAnsiConsole console) : Command<ImportFisSettings>
{
    public override int Execute(CommandContext context, ImportFisSettings settings, CancellationToken cancellationToken)
    {
        if (Directory.Exists(settings.Out))
        {
            DiagnosticWriter.Write(console, [Core.Diagnostics.Diagnostic.Error(null, $"--out {settings.Out} is a folder", "name the experiment file to write, e.g. --out experiment.yaml")]);
            return ExitCodes.InvalidInput;
        }

        var outFolder = Path.GetDirectoryName(Path.GetFullPath(settings.Out))!;
        var reference = Path.GetRelativePath(outFolder, Path.GetFullPath(settings.Topology)).Replace('\\', '/');
        if (!reference.StartsWith('.') && !Path.IsPathRooted(reference))
        {
            reference = "./" + reference;
        }

        var imported = FisTemplateInput.Import(settings.Template, settings.Topology, reference);
        DiagnosticWriter.Write(console, imported.Diagnostics);
        if (imported.Yaml is null)
        {
            return ExitCodes.InvalidInput;
        }

        // Editors find the experiment schema through the header: the nearest schemas/ copy (the repository's, or one
        // init wrote), else its $id.
        var yaml = SchemaHeader.WithHeader(imported.Yaml, SchemaHeader.Reference(outFolder, SchemaHeader.ExperimentSchema));

        // The written file must be a valid experiment: read it back as `faultline run` would.
        var check = ExperimentReader.Read(yaml, settings.Out, (_, _) => TopologyReader.Load(settings.Topology));
        if (check.HasErrors)
        {
            DiagnosticWriter.Write(console, check.Diagnostics);
            return ExitCodes.InvalidInput;
        }

        Directory.CreateDirectory(outFolder);
        File.WriteAllText(settings.Out, yaml);
        console.MarkupLine($"wrote {Markup.Escape(settings.Out)}: {check.Experiment!.Actions.Count} actions, {check.Experiment.Targets.Count} targets, {check.Experiment.StopConditions.Count} stop conditions. Run it with: faultline run {Markup.Escape(settings.Out)}");
        return ExitCodes.Ok;
    }
}
