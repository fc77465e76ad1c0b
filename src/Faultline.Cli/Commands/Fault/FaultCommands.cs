using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Fault;

/// <summary>Registers <c>faultline fault add|list|remove|reset</c>.</summary>
public static class FaultCommands
{
    /// <summary>Adds the <c>fault</c> branch to the application.</summary>
    public static IConfigurator AddFaultCommands(this IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("fault", fault =>
        {
            fault.SetDescription("Inject, list and revert faults in a running lab (Toxiproxy-style)");
            fault.AddCommand<FaultAddCommand>("add")
                .WithDescription("Apply a fault")
                .WithExample("fault", "add", "latency", "--lab", "http://127.0.0.1:8474", "--region", "us-east-1", "--function", "hello", "--delay", "60s", "--lease", "10m")
                .WithExample("fault", "add", "network", "--lab", "http://127.0.0.1:8474", "--region", "us-east-1", "--mode", "blackhole", "--from", "eu-west-1");
            fault.AddCommand<FaultListCommand>("list").WithDescription("List active faults");
            fault.AddCommand<FaultRemoveCommand>("remove").WithDescription("Revert a fault, or every fault of an owner");
            fault.AddCommand<FaultResetCommand>("reset").WithDescription("Revert every fault");
        });
        return config;
    }
}
