using Spectre.Console;
using Spectre.Console.Cli;

namespace Faultline.Cli;

/// <summary>The command-line application: every verb registered in one place.</summary>
public static class FaultlineApp
{
    /// <summary>Runs the CLI with the given arguments and returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("faultline");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }
        });
        return app.RunAsync(args);
    }
}
