using Faultline.Cli.Commands;
using Faultline.Lab.Limits;
using Spectre.Console;

namespace Faultline.Cli.Tests.Commands;

public sealed class DescriptorGateTests
{
    private static readonly DescriptorNeed Need = new() { LoadConnections = 1000, GatewayConnections = 1100, HealthCheckConnections = 32 };

    private static (bool Passed, string Output) Pass(DescriptorLimit limit)
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 400;
        var passed = DescriptorGate.Pass(console, Need, "topology.yaml", new Limits(limit));
        return (passed, output.ToString());
    }

    [Fact]
    public void Pass_HardLimitTooLow_FailsWithTheErrorAndNothingStarted()
    {
        var (passed, output) = Pass(new DescriptorLimit(1024, 2048));

        Assert.False(passed);
        Assert.Contains("this needs up to 2,388 open file descriptors", output, StringComparison.Ordinal);
        Assert.Contains("'ulimit -n 2388'", output, StringComparison.Ordinal);
        Assert.Contains("nothing was started", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_SoftLimitRaised_PassesAndSaysSo()
    {
        var (passed, output) = Pass(new DescriptorLimit(1024, 4096));

        Assert.True(passed);
        Assert.Contains("raised the open-file limit from 1,024 to 4,096", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Pass_Enough_PassesSilently()
    {
        var (passed, output) = Pass(new DescriptorLimit(65536, 65536));

        Assert.True(passed);
        Assert.Empty(output);
    }

    private sealed class Limits(DescriptorLimit limit) : IDescriptorLimits
    {
        public DescriptorLimit? Read() => limit;

        public bool TrySetSoft(long soft) => true;
    }
}
