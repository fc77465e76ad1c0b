using Faultline.Core.Planning;
using Spectre.Console;

namespace Faultline.Cli.Tests.Support;

/// <summary>Runs the real command-line application in-process with a plain, wide test console.</summary>
internal static class CliRun
{
    /// <summary>Runs <c>faultline ARGS</c> and returns the exit code and everything written (standard output and error together).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var code = await FaultlineApp.Create(Console(output)).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    /// <summary>Runs <c>faultline ARGS</c> and returns the exit code, standard output and standard error apart.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunSplitAsync(params string[] args) => RunSplitAsync(null, args);

    /// <summary>Runs <c>faultline ARGS</c> with <paramref name="predictor"/> for <c>plan</c>, and returns the exit code, standard output and standard error apart.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunSplitAsync(IPlanPredictor? predictor, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await FaultlineApp.Create(Console(output), predictor, Console(error)).RunAsync(args, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Console(StringWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        return console;
    }
}
