using Faultline.Lab.Control;
using Spectre.Console;

namespace Faultline.Cli.Commands.Fault;

/// <summary>The common frame of the <c>fault</c> verbs: connect, run, and turn failures into messages and exit codes.</summary>
internal static class FaultCommandRunner
{
    public static async Task<int> RunAsync(IAnsiConsole console, FaultLabSettings settings, Func<FaultControlClient, Task<int>> action)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var client = FaultLabConnection.Connect(settings, http, out var error);
        if (client is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {error}");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await action(client).ConfigureAwait(false);
        }
        catch (FaultControlException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] the lab refused ({(int)ex.StatusCode}): {ex.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (HttpRequestException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] cannot reach the lab at {settings.LabUrl}: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
