using Faultline.Lab.Control;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Recover;

/// <summary>
/// <c>faultline recover</c>: reverts every fault (or one run's) of a lab at once and puts back function
/// configurations runs changed — what a dead run left behind, without waiting for leases to lapse.
/// </summary>
public sealed class RecoverCommand(IAnsiConsole console) : AsyncCommand<RecoverSettings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, RecoverSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var labs = LabConnection.All(settings, out var error);
        if (labs is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {error}");
            return ExitCodes.InvalidInput;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var reached = 0;
        foreach (var lab in labs)
        {
            if (lab.Token is not { } token)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {lab.TokenError}");
                continue;
            }

            try
            {
                await RecoverAsync(new FaultControlClient(http, lab.Url, token), lab.Label, settings.Owner, cancellationToken).ConfigureAwait(false);
                reached++;
            }
            catch (HttpRequestException)
            {
                var stale = lab.StateFile is null ? string.Empty : $" (its state file {lab.StateFile} is left from a lab that stopped)";
                console.MarkupLineInterpolated($"[yellow]lab {lab.Label} is not running[/]{stale}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                console.MarkupLineInterpolated($"[yellow]lab {lab.Label} did not answer within 10 s[/]");
            }
            catch (FaultControlException ex)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {LabConnectionErrors.Refused(lab.Url, (int)ex.StatusCode, ex.Message)}");
            }
        }

        return reached > 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    private async Task RecoverAsync(FaultControlClient client, string label, string? owner, CancellationToken cancellationToken)
    {
        var faults = (await client.ListAsync(cancellationToken).ConfigureAwait(false)).Faults
            .Where(f => owner is null || string.Equals(f.Owner, owner, StringComparison.Ordinal))
            .ToArray();
        var removed = owner is null
            ? await client.ResetAsync(cancellationToken).ConfigureAwait(false)
            : await client.RemoveByOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Lab {label}: reverted {removed} fault(s)");
        foreach (var fault in faults)
        {
            console.MarkupLineInterpolated($"  {fault.Id}  {fault.Spec.Kind.ToString().ToLowerInvariant()} on {string.Join(", ", fault.Targets)}  (owner {fault.Owner})");
        }

        IReadOnlyList<Core.Experiments.Execution.ConfigurationChange> restored;
        try
        {
            restored = await client.RestoreFunctionsAsync(owner, cancellationToken).ConfigureAwait(false);
        }
        catch (FaultControlException ex) when (ex.StatusCode is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.NotFound)
        {
            // A control API without functions has no configuration to restore.
            return;
        }

        console.MarkupLineInterpolated($"Lab {label}: restored {restored.Count} function configuration(s)");
        foreach (var change in restored)
        {
            var variables = change.Before.EnvironmentChangesTo(change.After).Select(p => p.Value is null ? $"-{p.Key}" : $"{p.Key}={p.Value}");
            console.MarkupLineInterpolated($"  {change.Function}  {string.Join(" ", variables)}  layers: [[{string.Join(", ", change.After.Layers)}]]");
        }
    }
}
