using Spectre.Console.Cli;

namespace Faultline.Cli.Commands.Report;

/// <summary>Registers <c>faultline report</c>.</summary>
public static class ReportCommands
{
    /// <summary>Adds the <c>report</c> verb to the application.</summary>
    public static IConfigurator AddReportCommand(this IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddCommand<ReportCommand>("report")
            .WithDescription("Write a run's report.html, junit.xml and result.json from its journal; --compare A B puts two runs side by side")
            .WithExample("report", "20261126-153012-hello-api-7f3a")
            .WithExample("report", "--compare", "RUN-A", "RUN-B");
        return config;
    }
}
