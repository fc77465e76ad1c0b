using Faultline.Cli.Output;
using Faultline.Core.Aws;
using Faultline.Core.Aws.CloudFormation;
using Faultline.Core.Aws.Fis;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Export;

/// <summary>
/// <c>faultline export aws EXPERIMENT --out DIR</c>: the deployable bundle (docs/aws.md). The FIS template, the
/// SSM document, the alarms and IAM roles come from <see cref="FisExport"/>; the API, Route 53, dashboard and
/// load-generator stacks from <see cref="AwsStacks"/>; the README lists every file.
/// Exit codes: 0 written (warnings allowed), 2 invalid input or something AWS cannot express (nothing written).
/// </summary>
internal sealed class ExportAwsCommand(IAnsiConsole console) : Command<ExportAwsSettings>
{
    public override int Execute(CommandContext context, ExportAwsSettings settings, CancellationToken cancellationToken)
    {
        var read = ExperimentLoader.Load(console, settings.Experiment, topologyOverride: null);
        if (read is null)
        {
            return ExitCodes.InvalidInput;
        }

        var experiment = read.Experiment!;
        var topology = read.Topology!;
        var options = new FisExportOptions { AccountId = settings.AccountId ?? FisExportOptions.ExampleAccountId };
        var fis = FisExport.Build(experiment, topology, options);
        DiagnosticWriter.Write(console, fis.Diagnostics);
        if (fis.HasErrors)
        {
            return ExitCodes.InvalidInput;
        }

        // The system under test: the API stacks per region, Route 53, the dashboard and the load-generator tasks.
        AwsStackExport stacks;
        try
        {
            stacks = AwsStacks.Build(experiment, topology, new AwsExportOptions { SourceMap = read.TopologyResult?.SourceMap });
        }
        catch (InvalidInputException ex)
        {
            DiagnosticWriter.Write(console, ex.Diagnostics);
            return ExitCodes.InvalidInput;
        }

        DiagnosticWriter.Write(console, stacks.Warnings);
        var files = new List<BundleFile>(fis.Files);
        files.AddRange(stacks.Files);
        // Said from the bundle's folder, so the README reads the same wherever the export was run from.
        var command = $"faultline export aws {Slashes(Path.GetRelativePath(Path.GetFullPath(settings.Out), Path.GetFullPath(settings.Experiment)))} --out .";
        var region = FisExport.ExperimentRegion(experiment, topology);
        var readmeListing = files.Append(new BundleFile(FisExport.ReadmePath, string.Empty)).ToList();
        files.Add(new BundleFile(FisExport.ReadmePath, BundleReadme.Write(
            topology.Name, region, command, readmeListing, experiment.Actions.OfType<ConfigureAction>().Any(), experiment.StopConditions.Count > 0)));

        var outcome = BundleWriter.Write(settings.Out, files);
        if (outcome.Errors.Count > 0)
        {
            DiagnosticWriter.Write(console, outcome.Errors);
            return ExitCodes.InvalidInput;
        }

        foreach (var path in outcome.Written)
        {
            console.MarkupLine($"wrote {Markup.Escape(Path.Combine(settings.Out, path))}");
        }

        foreach (var path in outcome.Removed)
        {
            console.MarkupLine($"removed {Markup.Escape(Path.Combine(settings.Out, path))} (an earlier export's, no longer in the bundle)");
        }

        console.MarkupLine($"[green]{outcome.Written.Count} files[/] in {Markup.Escape(settings.Out)}; deploy and run them as {Markup.Escape(Path.Combine(settings.Out, FisExport.ReadmePath))} says.");
        return ExitCodes.Ok;
    }

    private static string Slashes(string path) => path.Replace('\\', '/');
}
