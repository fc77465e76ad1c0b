using Faultline.Cli.Tests.Support;
using Xunit;

namespace Faultline.Cli.Tests.Commands.Fault;

/// <summary><c>fault add KIND</c> refuses the flags of other kinds rather than ignoring them, before it looks for a lab.</summary>
public sealed class FaultAddKindOptionTests
{
    [Theory]
    [InlineData(
        new[] { "latency", "--delay", "1s", "--status", "503" },
        "error: --status is not an option of latency (it is one of health-override); remove --status; latency takes --delay, --min, --max")]
    [InlineData(
        new[] { "error", "--status-code", "503" },
        "error: --status-code is not an option of error (it is one of http-response); remove --status-code; error takes --prevent-execution")]
    [InlineData(
        new[] { "dns", "--record", "api.example.test", "--mode", "delay", "--delay", "1s", "--concurrency", "2" },
        "error: --concurrency is not an option of dns (it is one of throttle); remove --concurrency; dns takes --mode, --delay")]
    [InlineData(
        new[] { "throttle", "--delay", "1s" },
        "error: --delay is not an option of throttle (it is one of latency, network, dns); remove --delay; throttle takes --concurrency")]
    public async Task FlagOfAnotherKind_IsAUsageError_NamingTheFlagTheKindAndWhatItTakes(string[] arguments, string expected)
    {
        var (code, output) = await CliRun.RunAsync(["fault", "add", .. arguments]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryFlagOfAnotherKind_IsNamed()
    {
        var (code, output) = await CliRun.RunAsync(["fault", "add", "health-override", "--health-check", "hc-us", "--body", "x", "--min", "1s"]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--min is not an option of health-override", output, StringComparison.Ordinal);
        Assert.Contains("--body is not an option of health-override", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Percentage_IsTakenByEveryKind()
    {
        var (code, output) = await CliRun.RunAsync(["fault", "add", "health-override", "--health-check", "hc-us", "--percentage", "500"]);

        // Checked by the rule every kind shares, not refused as another kind's flag.
        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("health-override: --percentage is 500; it must be between 0 and 100", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not an option", output, StringComparison.Ordinal);
    }
}
