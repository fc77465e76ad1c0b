using Faultline.Cli.Commands.Fault;
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
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var labs = new List<(string Name, Uri Url, string? Token, string? StateFile)>();
        if (settings.Lab is not null)
        {
            var url = new Uri(settings.Lab);
            labs.Add((url.ToString(), url, FindToken(settings, url), null));
        }
        else
        {
            var stateDirectory = LabStateDirectory.Resolve();
            foreach (var (path, descriptor) in LabStateDirectory.FindDescriptors(stateDirectory))
            {
                labs.Add((descriptor.Name, descriptor.ControlUrl, File.Exists(descriptor.TokenFile) ? (await File.ReadAllTextAsync(descriptor.TokenFile, cancellationToken).ConfigureAwait(false)).Trim() : null, path));
            }

            if (labs.Count == 0)
            {
                console.MarkupLineInterpolated($"[red]error:[/] no lab found in {Path.Combine(stateDirectory, "labs")}: start one with 'faultline lab up', or pass --lab URL");
                return ExitCodes.InvalidInput;
            }
        }

        var reached = 0;
        foreach (var (name, url, token, stateFile) in labs)
        {
            if (token is null)
            {
                console.MarkupLineInterpolated($"[red]error:[/] no token for the lab at {url}: pass --token-file or set {FaultLabSettings.TokenVariable}");
                continue;
            }

            try
            {
                await RecoverAsync(new FaultControlClient(http, url, token), name, url, settings.Owner, cancellationToken).ConfigureAwait(false);
                reached++;
            }
            catch (HttpRequestException)
            {
                var stale = stateFile is null ? string.Empty : $" (its state file {stateFile} is left from a lab that stopped)";
                console.MarkupLineInterpolated($"[yellow]lab {Label(name, url)} is not running[/]{stale}");
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                console.MarkupLineInterpolated($"[yellow]lab {Label(name, url)} did not answer within 10 s[/]");
            }
            catch (FaultControlException ex)
            {
                console.MarkupLineInterpolated($"[red]error:[/] the lab at {url} refused ({(int)ex.StatusCode}): {ex.Message}");
            }
        }

        return reached > 0 ? ExitCodes.Ok : ExitCodes.InvalidInput;
    }

    private static string Label(string name, Uri url) =>
        string.Equals(name, url.ToString(), StringComparison.Ordinal) ? name : $"{name} ({url})";

    private static string? FindToken(RecoverSettings settings, Uri url)
    {
        if (settings.TokenFile is not null)
        {
            // Validation checked the file exists; a read that still fails is the fallback's file-system error.
            return PathChecks.ReadInputFile("--token-file", settings.TokenFile, out var error)?.Trim()
                ?? throw new UsageException(error ?? CliErrors.InputMissing("--token-file", settings.TokenFile));
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(FaultLabSettings.TokenVariable);
        return !string.IsNullOrWhiteSpace(fromEnvironment) ? fromEnvironment.Trim() : LabStateDirectory.TryReadToken(url);
    }

    private async Task RecoverAsync(FaultControlClient client, string name, Uri url, string? owner, CancellationToken cancellationToken)
    {
        var faults = (await client.ListAsync(cancellationToken).ConfigureAwait(false)).Faults
            .Where(f => owner is null || string.Equals(f.Owner, owner, StringComparison.Ordinal))
            .ToArray();
        var removed = owner is null
            ? await client.ResetAsync(cancellationToken).ConfigureAwait(false)
            : await client.RemoveByOwnerAsync(owner, cancellationToken).ConfigureAwait(false);
        console.MarkupLineInterpolated($"Lab {Label(name, url)}: reverted {removed} fault(s)");
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

        console.MarkupLineInterpolated($"Lab {Label(name, url)}: restored {restored.Count} function configuration(s)");
        foreach (var change in restored)
        {
            var variables = change.Before.EnvironmentChangesTo(change.After).Select(p => p.Value is null ? $"-{p.Key}" : $"{p.Key}={p.Value}");
            console.MarkupLineInterpolated($"  {change.Function}  {string.Join(" ", variables)}  layers: [[{string.Join(", ", change.After.Layers)}]]");
        }
    }
}
