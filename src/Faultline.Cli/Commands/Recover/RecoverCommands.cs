using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Recover;

/// <summary>Registers <c>faultline recover</c>.</summary>
public static class RecoverCommands
{
    /// <summary>Adds the <c>recover</c> verb to the application.</summary>
    public static IConfigurator AddRecoverCommand(this IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<RecoverCommand>("recover")
            .WithDescription("Revert at once every fault a dead run left behind, and restore the function configurations runs changed")
            .WithExample("recover")
            .WithExample("recover", "--lab", "http://127.0.0.1:8474", "--owner", "run-20250101-120000");
        return config;
    }
}
