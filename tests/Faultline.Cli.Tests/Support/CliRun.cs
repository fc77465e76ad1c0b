using Spectre.Console;

namespace Faultline.Cli.Tests.Support;

/// <summary>Runs the real command-line application in-process with a plain, wide test console.</summary>
internal static class CliRun
{
    /// <summary>Runs <c>faultline ARGS</c> and returns the exit code and everything written.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 250;
        var code = await FaultlineApp.Create(console).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }
}
