using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary><c>faultline fault reset</c>: reverts every fault in the lab (Toxiproxy's <c>POST /reset</c>).</summary>
public sealed class FaultResetCommand(IAnsiConsole console) : AsyncCommand<FaultResetSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, FaultResetSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FaultCommandRunner.RunAsync(console, settings, async client =>
        {
            var count = await client.ResetAsync(cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Reverted {count} fault(s)");
            return ExitCodes.Ok;
        });
    }
}
