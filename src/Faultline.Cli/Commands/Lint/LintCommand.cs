using Faultline.Cli.Output;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Planning;
using Faultline.Core.Topology.Linting;
using Faultline.Core.Topology.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Lint;

/// <summary>
/// <c>faultline lint FILE</c>. A topology: every validation error at once, then the static checks that catch
/// configurations which work but will not fail over — the blog's health check probing the other region. An
/// experiment (a file naming a <c>hypothesis</c> or <c>topology</c>): its errors and its topology's, the topology's
/// findings, and the checks that cannot pass by construction (<see cref="ConstructionChecks"/>).
/// With <c>--output json</c> the findings are one JSON document (<see cref="LintJson"/>), invalid input included.
/// Exit codes: 0 no errors (warnings allowed), 1 a check cannot pass by construction, or any warning with
/// <c>--strict</c>, 2 invalid input.
/// </summary>
internal sealed class LintCommand(IAnsiConsole console) : Command<LintSettings>
{
    public override int Execute(CommandContext context, LintSettings settings, CancellationToken cancellationToken)
    {
        var output = CommandOutput.Begin(console, settings);
        return ExperimentLoader.IsExperiment(settings.Input) ? LintExperiment(settings, output) : LintTopology(settings, output);
    }

    private int LintTopology(LintSettings settings, CommandOutput output)
    {
        var read = TopologyReader.Load(settings.Input);
        if (read.HasErrors || read.Topology is null)
        {
            DiagnosticWriter.Write(output.Problems, read.Diagnostics);
            WriteJson(output, settings, "topology", [.. read.Diagnostics.Select(LintItem.Of)]);
            return ExitCodes.InvalidInput;
        }

        var topology = read.Topology;
        var findings = TopologyLinter.Lint(topology, read.SourceMap);
        var items = read.Diagnostics.Select(LintItem.Of).Concat(findings.Select(LintItem.Of)).ToList();
        if (items.Count > 0)
        {
            DiagnosticWriter.Write(output.Problems, [.. items.Select(i => i.Diagnostic)]);
        }

        WriteJson(output, settings, "topology", items);
        if (findings.Count == 0)
        {
            var counts = $"{topology.Regions.Count} regions, {topology.Dns.Records.Count} records, {topology.HealthChecks.Count} health checks, {topology.Clients.Count} client populations; no findings.";
            console.MarkupLine($"[green]{Markup.Escape(settings.Input)}: OK[/] — {counts}");
            output.WriteVerdictLine($"{settings.Input}: OK — {counts}");
            return ExitCodes.Ok;
        }

        console.MarkupLine($"[yellow]{findings.Count} finding(s).[/] {Invalid("topology")}");
        output.WriteVerdictLine($"{settings.Input}: {findings.Count} finding(s). {Invalid("topology")}");
        return settings.Strict ? ExitCodes.Refuted : ExitCodes.Ok;
    }

    private int LintExperiment(LintSettings settings, CommandOutput output)
    {
        var read = ExperimentReader.Load(settings.Input);
        if (read.HasErrors || read.Experiment is null || read.Topology is null)
        {
            IReadOnlyList<Diagnostic> errors = read.Diagnostics.Count > 0 ? read.Diagnostics : [ExperimentErrors.FileNotFound(settings.Input)];
            DiagnosticWriter.Write(output.Problems, errors);
            WriteJson(output, settings, "experiment", [.. errors.Select(LintItem.Of)]);
            return ExitCodes.InvalidInput;
        }

        var experiment = read.Experiment;
        var topology = read.Topology;
        var plan = ExperimentPlan.Build(experiment, topology);
        var items = read.Diagnostics.Select(LintItem.Of)
            .Concat(TopologyLinter.Lint(topology, read.TopologyResult?.SourceMap).Select(LintItem.Of))
            .Concat(ConstructionChecks.Check(plan, topology, read.SourceMap).Select(LintItem.Of))
            .ToList();
        foreach (var item in items.OrderBy(i => i.Diagnostic.Severity))
        {
            UnwrappedLine.Write(output.Problems, item.Diagnostic);
        }

        WriteJson(output, settings, "experiment", items);
        var errorCount = TopologyLoader.Errors(items.Select(i => i.Diagnostic));
        if (items.Count == 0)
        {
            var counts = $"{experiment.Hypothesis.Checks.Count} check(s), {experiment.Actions.Count} action(s), {experiment.StopConditions.Count} stop condition(s), a run of {LabTime.Format(plan.RunEnd)} on topology {topology.Name}; no findings.";
            console.MarkupLine($"[green]{Markup.Escape(settings.Input)}: OK[/] — {Markup.Escape(counts)}");
            output.WriteVerdictLine($"{settings.Input}: OK — {counts}");
            return ExitCodes.Ok;
        }

        if (errorCount > 0)
        {
            var cannotPass = $"the experiment is valid, but {(errorCount == 1 ? "a check" : "some checks")} cannot pass as written.";
            console.MarkupLine($"[red]{errorCount} error(s), {items.Count - errorCount} warning(s):[/] {cannotPass}");
            output.WriteVerdictLine($"{settings.Input}: {errorCount} error(s), {items.Count - errorCount} warning(s): {cannotPass}");
            return ExitCodes.Refuted;
        }

        console.MarkupLine($"[yellow]{items.Count} finding(s).[/] {Invalid("experiment")}");
        output.WriteVerdictLine($"{settings.Input}: {items.Count} finding(s). {Invalid("experiment")}");
        return settings.Strict ? ExitCodes.Refuted : ExitCodes.Ok;
    }

    private static string Invalid(string what) => $"The {what} is valid, but it may not behave as intended.";

    private static void WriteJson(CommandOutput output, LintSettings settings, string kind, IReadOnlyList<LintItem> items)
    {
        if (output.IsJson)
        {
            output.WriteJson(LintJson.Document(settings.Input, kind, items));
        }
    }
}
