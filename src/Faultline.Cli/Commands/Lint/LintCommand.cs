using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Lint;

/// <summary>
/// <c>faultline lint TOPOLOGY</c>: every validation error at once, then the static checks that catch
/// configurations which work but will not fail over — the blog's health check probing the other region.
/// </summary>
internal sealed class LintCommand(IAnsiConsole console) : Command<LintSettings>
{
    public override int Execute(CommandContext context, LintSettings settings, CancellationToken cancellationToken)
    {
        var loaded = TopologyLoader.Load(console, settings.Topology);
        if (loaded is null)
        {
            return ExitCodes.InvalidInput;
        }

        var (topology, findings) = loaded.Value;
        if (findings.Count == 0)
        {
            console.MarkupLine($"[green]{Markup.Escape(settings.Topology)}: OK[/] — {topology.Regions.Count} regions, {topology.Dns.Records.Count} records, {topology.HealthChecks.Count} health checks, {topology.Clients.Count} client populations; no findings.");
            return ExitCodes.Ok;
        }

        console.MarkupLine($"[yellow]{findings.Count} finding(s).[/] The topology is valid, but it may not behave as intended.");
        return settings.Strict ? ExitCodes.Refuted : ExitCodes.Ok;
    }
}
