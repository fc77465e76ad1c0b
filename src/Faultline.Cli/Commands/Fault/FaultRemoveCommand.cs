using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary><c>faultline fault remove ID</c> or <c>--owner X</c>: reverts faults.</summary>
public sealed class FaultRemoveCommand(IAnsiConsole console) : AsyncCommand<FaultRemoveSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, FaultRemoveSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FaultCommandRunner.RunAsync(console, settings, async client =>
        {
            if (settings.Owner is not null)
            {
                var count = await client.RemoveByOwnerAsync(settings.Owner, cancellationToken).ConfigureAwait(false);
                console.MarkupLineInterpolated($"Reverted {count} fault(s) of {settings.Owner}");
            }
            else
            {
                await client.RemoveAsync(settings.Id!, cancellationToken).ConfigureAwait(false);
                console.MarkupLineInterpolated($"Reverted {settings.Id}");
            }

            return ExitCodes.Ok;
        });
    }
}
