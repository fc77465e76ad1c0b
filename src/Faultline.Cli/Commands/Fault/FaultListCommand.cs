using Faultline.Cli.Output;
using Faultline.Core.Faults;
using Faultline.Core.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary>
/// <c>faultline fault list</c>: a table of the active faults (id, kind, options, targets, owner, lease left in lab
/// time); with <c>--output json</c> the document of <see cref="FaultListJson"/>, with <c>-q</c> only their ids.
/// </summary>
public sealed class FaultListCommand(IAnsiConsole console) : AsyncCommand<FaultListSettings>
{
    /// <inheritdoc />
    public override Task<int> ExecuteAsync(CommandContext context, FaultListSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var output = CommandOutput.Begin(console, settings);
        return FaultCommandRunner.RunAsync(output.Problems, settings, async client =>
        {
            var list = await client.ListAsync(cancellationToken).ConfigureAwait(false);
            if (output.IsJson)
            {
                output.WriteJson(FaultListJson.Document(list));
                return ExitCodes.Ok;
            }

            foreach (var fault in list.Faults)
            {
                output.WriteVerdictLine(fault.Id);
            }

            if (list.Faults.Count == 0)
            {
                console.WriteLine("No active faults.");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("id", "kind", "options", "targets", "owner", "lease left");
            foreach (var fault in list.Faults)
            {
                var left = fault.LeaseExpiresAt - list.LabTime;
                var leftSeconds = TimeSpan.FromSeconds(Math.Max(0, Math.Floor(left.TotalSeconds)));
                table.AddRow(
                    Markup.Escape(fault.Id),
                    FaultKinds.NameOf(fault.Spec.Kind),
                    Markup.Escape(FaultOptionsText.Of(fault.Spec)),
                    Markup.Escape(string.Join(", ", fault.Targets)),
                    Markup.Escape(fault.Owner),
                    Durations.Format(leftSeconds));
            }

            console.Write(table);
            return ExitCodes.Ok;
        });
    }
}
