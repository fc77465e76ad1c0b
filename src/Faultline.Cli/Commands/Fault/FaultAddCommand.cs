using Faultline.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary><c>faultline fault add KIND …</c>: applies a fault to a running lab and prints its id.</summary>
public sealed class FaultAddCommand(IAnsiConsole console) : AsyncCommand<FaultAddSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, FaultAddSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return FaultCommandRunner.RunAsync(console, settings, async client =>
        {
            var fault = await client.AddAsync(settings.ToSpec(), settings.Owner, settings.LeaseValue, cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Applied [green]{fault.Id}[/] ({settings.Kind}) on {string.Join(", ", fault.Targets)}; lease {Durations.Format(fault.LeaseExpiresAt - fault.AppliedAt)}");
            return ExitCodes.Ok;
        });
    }
}
