using Faultline.Cli.Tests.Support;

namespace Faultline.Cli.Tests.Commands.Fault;

public sealed class FaultAddSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-faultadd-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("1000000000h", "error: fault add latency: --delay is '1000000000h', which is out of range; write a duration from 0s to 15m")]
    [InlineData("soon", "error: fault add latency: --delay is 'soon', which is not a duration; write a duration such as 250ms, 30s, 10m, 1h or PT10M")]
    public async Task FaultAdd_DelayOutOfRangeOrMalformed_ExitsTwoBeforeAnythingIsSent(string delay, string expected)
    {
        var token = Path.Combine(_dir, "lab.token");
        await File.WriteAllTextAsync(token, "t", TestContext.Current.CancellationToken);

        // Port 1 on loopback: nothing listens, so reaching the lab would be a different error.
        var (code, output) = await CliRun.RunAsync("fault", "add", "latency", "--lab", "http://127.0.0.1:1", "--token-file", token, "--region", "us-east-1", "--delay", delay, "--lease", "10m");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }
}
