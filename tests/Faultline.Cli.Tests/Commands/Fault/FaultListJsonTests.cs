using Faultline.Cli.Tests.Support;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Lab.Control;

namespace Faultline.Cli.Tests.Commands.Fault;

/// <summary><c>faultline fault list --output json</c> and <c>-q</c> against a fault control server in the test.</summary>
public sealed class FaultListJsonTests : IAsyncLifetime
{
    private readonly TestFaultLab _lab = new();

    private FaultControlServer Server => _lab.Server;

    private FaultStore Store => _lab.Store;

    private string[] Lab => _lab.Options;

    public ValueTask InitializeAsync() => _lab.StartAsync(TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _lab.DisposeAsync();

    [Fact]
    public async Task List_OutputJson_PrintsEachFaultsIdKindTargetOptionsAndLeaseLeft()
    {
        var fault = Store.Add(
            new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) }, Target = new FaultTarget { Region = "eu-west-1", Function = "hello" }, Percentage = 50 },
            "run-7",
            TimeSpan.FromMinutes(10));

        var (code, output, error) = await CliRun.RunSplitAsync(["fault", "list", .. Lab, "--output", "json"]);

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonOutput.Parse(output);
        var listed = Assert.Single(json.GetProperty("faults").EnumerateArray());
        Assert.Equal(["id", "kind", "owner", "target", "targets", "options", "percentage", "leaseSeconds", "leaseLeftSeconds"], JsonOutput.Names(listed));
        Assert.Equal(fault.Id, listed.GetProperty("id").GetString());
        Assert.Equal("latency", listed.GetProperty("kind").GetString());
        Assert.Equal("run-7", listed.GetProperty("owner").GetString());
        Assert.Equal("eu-west-1", listed.GetProperty("target").GetProperty("region").GetString());
        Assert.Equal("hello", listed.GetProperty("target").GetProperty("function").GetString());
        Assert.Equal(["eu-west-1/hello"], listed.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("1m", listed.GetProperty("options").GetProperty("delay").GetString());
        Assert.False(listed.GetProperty("options").TryGetProperty("kind", out _), "the kind is its own field");
        Assert.Equal(50, listed.GetProperty("percentage").GetDouble());
        Assert.Equal(600, listed.GetProperty("leaseSeconds").GetDouble());
        Assert.InRange(listed.GetProperty("leaseLeftSeconds").GetDouble(), 0, 600);
        Assert.Empty(error);
    }

    [Fact]
    public async Task List_OutputJson_NoFaults_PrintsAnEmptyList()
    {
        var (code, output, _) = await CliRun.RunSplitAsync(["fault", "list", .. Lab, "--output", "json"]);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Empty(JsonOutput.Parse(output).GetProperty("faults").EnumerateArray());
    }

    [Fact]
    public async Task List_Quiet_PrintsOnlyTheIds()
    {
        var first = Store.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "us-east-1" } }, "cli", TimeSpan.FromMinutes(10));
        var second = Store.Add(new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(5) }, Target = new FaultTarget { Region = "eu-west-1" } }, "cli", TimeSpan.FromMinutes(10));

        var (code, output, error) = await CliRun.RunSplitAsync(["fault", "list", .. Lab, "-q"]);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"{first.Id}\n{second.Id}\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task List_OutputJson_LabUnreachable_ExitsTwoWithTheErrorOnStandardError()
    {
        var (code, output, error) = await CliRun.RunSplitAsync("fault", "list", "--lab", "http://127.0.0.1:1", "--token-file", Server.TokenFile, "--output", "json");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Contains("error: cannot reach the lab at http://127.0.0.1:1", error, StringComparison.Ordinal);
    }
}
