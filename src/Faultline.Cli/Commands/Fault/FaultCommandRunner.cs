using Faultline.Lab.Control;
using Spectre.Console;

namespace Faultline.Cli.Commands.Fault;

/// <summary>The common frame of the <c>fault</c> verbs: find the lab, run, and turn failures into messages and exit codes.</summary>
internal static class FaultCommandRunner
{
    public static async Task<int> RunAsync(IAnsiConsole console, LabConnectionSettings settings, Func<FaultControlClient, Task<int>> action)
    {
        var lab = LabConnection.One(settings, out var error);
        if (lab?.Token is not { } token)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {error ?? lab?.TokenError}");
            return ExitCodes.InvalidInput;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            return await action(new FaultControlClient(http, lab.Url, token)).ConfigureAwait(false);
        }
        catch (FaultControlException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {LabConnectionErrors.Refused(lab.Url, (int)ex.StatusCode, ex.Message)}");
            return ExitCodes.InvalidInput;
        }
        catch (HttpRequestException ex)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {LabConnectionErrors.Unreachable(lab.Url, ex.Message)}");
            return ExitCodes.InvalidInput;
        }
    }
}
