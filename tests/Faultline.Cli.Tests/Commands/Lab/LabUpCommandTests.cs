using System.Net;
using System.Net.Sockets;
using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Lab;

public sealed class LabUpCommandTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-labup-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private static string Seed => RepoPaths.Combine("samples", "seed", "topology.yaml");

    [Theory]
    [InlineData("--dns-port", "70000")]
    [InlineData("--http-port", "-1")]
    [InlineData("--control-port", "65536")]
    public async Task LabUp_PortOutOfRange_ExitsTwoNamingTheOption(string option, string value)
    {
        var (code, output) = await CliRun.RunAsync("lab", "up", Seed, option, value, "--state-dir", _home);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(option, output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home, "labs")), "nothing should have started");
    }

    [Fact]
    public async Task LabUp_NonPositiveTimeScale_ExitsTwo()
    {
        var (code, output) = await CliRun.RunAsync("lab", "up", Seed, "--time-scale", "0", "--state-dir", _home);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--time-scale", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabUp_DnsPortInUse_ExitsTwoWithTheFixAndLeavesNoLabBehind()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)squatter.LocalEndPoint!).Port;

        var (code, output) = await CliRun.RunAsync("lab", "up", Seed, "--dns-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--http-port", "0", "--control-port", "0", "--state-dir", _home);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"port {port}", output, StringComparison.Ordinal);
        Assert.Contains("--dns-port 0", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_home, "labs")) && Directory.EnumerateFiles(Path.Combine(_home, "labs")).Any(), "a lab that failed to start leaves no token behind");
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        var (code, output) = await CliRun.RunAsync("launch");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("launch", output, StringComparison.Ordinal);
    }
}
