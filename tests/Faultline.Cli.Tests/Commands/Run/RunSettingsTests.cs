using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Run;

public sealed class RunSettingsTests
{
    private static string Seed => RepoPaths.Combine("samples", "seed", "experiment.yaml");

    [Theory]
    [InlineData("--dashboard-port", "70000", "--dashboard-port 70000 must be 0–65535 (0 picks a free port)")]
    [InlineData("--dashboard-port", "-1", "--dashboard-port -1 must be 0–65535 (0 picks a free port)")]
    [InlineData("--metrics-port", "65536", "--metrics-port 65536 must be 0–65535 (0 picks a free port)")]
    public async Task Run_PortOutOfRange_IsInvalidInputNamingTheOption(string option, string value, string message)
    {
        var (code, output) = await CliRun.RunAsync("run", Seed, option, value);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dashboard-port", "8480")]
    [InlineData("--keep-dashboard")]
    public async Task Run_NoDashboardWithADashboardOption_IsInvalidInput(params string[] option)
    {
        var (code, output) = await CliRun.RunAsync(["run", Seed, "--no-dashboard", .. option]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--no-dashboard cannot go with --dashboard-port or --keep-dashboard", output, StringComparison.Ordinal);
    }
}
