using Faultline.Cli.Output;
using Faultline.Core.Planning;
using Faultline.Core.Topology.Linting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Lint;

/// <summary>
/// <c>faultline lint FILE</c>. A topology: every validation error at once, then the static checks that catch
/// configurations which work but will not fail over — the blog's health check probing the other region. An
/// experiment (a file naming a <c>hypothesis</c> or <c>topology</c>): its errors and its topology's, the topology's
/// findings, and the checks that cannot pass by construction (<see cref="ConstructionChecks"/>).
/// Exit codes: 0 no errors (warnings allowed), 1 a check cannot pass by construction, or any warning with
/// <c>--strict</c>, 2 invalid input.
/// </summary>
internal sealed class LintCommand(IAnsiConsole console) : Command<LintSettings>
{
    public override int Execute(CommandContext context, LintSettings settings, CancellationToken cancellationToken) =>
        ExperimentLoader.IsExperiment(settings.Input) ? LintExperiment(settings) : LintTopology(settings);

    private int LintTopology(LintSettings settings)
    {
        var loaded = TopologyLoader.Load(console, settings.Input);
        if (loaded is null)
        {
            return ExitCodes.InvalidInput;
        }

        var (topology, findings) = loaded.Value;
        if (findings.Count == 0)
        {
            console.MarkupLine($"[green]{Markup.Escape(settings.Input)}: OK[/] — {topology.Regions.Count} regions, {topology.Dns.Records.Count} records, {topology.HealthChecks.Count} health checks, {topology.Clients.Count} client populations; no findings.");
            return ExitCodes.Ok;
        }

        console.MarkupLine($"[yellow]{findings.Count} finding(s).[/] The topology is valid, but it may not behave as intended.");
        return settings.Strict ? ExitCodes.Refuted : ExitCodes.Ok;
    }

    private int LintExperiment(LintSettings settings)
    {
        var read = ExperimentLoader.Load(console, settings.Input, topologyOverride: null);
        if (read is null)
        {
            return ExitCodes.InvalidInput;
        }

        var experiment = read.Experiment!;
        var topology = read.Topology!;
        var plan = ExperimentPlan.Build(experiment, topology);
        var construction = ConstructionChecks.Check(plan, topology, read.SourceMap);
        var diagnostics = read.Diagnostics
            .Concat(TopologyLinter.Lint(topology, read.TopologyResult?.SourceMap).Select(f => f.ToDiagnostic()))
            .Concat(construction.Select(f => f.ToDiagnostic()))
            .ToList();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Severity))
        {
            UnwrappedLine.Write(console, diagnostic);
        }

        var errors = TopologyLoader.Errors(diagnostics);
        if (diagnostics.Count == 0)
        {
            console.MarkupLine($"[green]{Markup.Escape(settings.Input)}: OK[/] — {experiment.Hypothesis.Checks.Count} check(s), {experiment.Actions.Count} action(s), {experiment.StopConditions.Count} stop condition(s), a run of {LabTime.Format(plan.RunEnd)} on topology {Markup.Escape(topology.Name)}; no findings.");
            return ExitCodes.Ok;
        }

        if (errors > 0)
        {
            console.MarkupLine($"[red]{errors} error(s), {diagnostics.Count - errors} warning(s):[/] the experiment is valid, but {(errors == 1 ? "a check" : "some checks")} cannot pass as written.");
            return ExitCodes.Refuted;
        }

        console.MarkupLine($"[yellow]{diagnostics.Count} finding(s).[/] The experiment is valid, but it may not behave as intended.");
        return settings.Strict ? ExitCodes.Refuted : ExitCodes.Ok;
    }
}
