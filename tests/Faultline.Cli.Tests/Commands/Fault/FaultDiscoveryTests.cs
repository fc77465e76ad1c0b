using Faultline.Cli.Tests.Support;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Lab.Control;

namespace Faultline.Cli.Tests.Commands.Fault;

/// <summary><c>fault</c> without <c>--lab</c> finds the running lab the way <c>recover</c> does: from the state directory.</summary>
[Collection(StateDirectoryCollection.Name)]
public sealed class FaultDiscoveryTests : IAsyncLifetime
{
    private readonly TestFaultLab _lab = new();
    private readonly string? _previousHome = Environment.GetEnvironmentVariable(LabStateDirectory.HomeVariable);

    // The lab's state directory is $FAULTLINE_HOME, where fault without --lab looks.
    private string Home => _lab.StateDirectory;

    private FaultStore Store => _lab.Store;

    public ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable(LabStateDirectory.HomeVariable, Home);
        return _lab.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Environment.SetEnvironmentVariable(LabStateDirectory.HomeVariable, _previousHome);
        await _lab.DisposeAsync();
    }

    [Fact]
    public async Task AddAndList_NoLabGiven_UseTheLabRunningHere()
    {
        var (added, addOutput) = await CliRun.RunAsync("fault", "add", "latency", "--region", "us-east-1", "--delay", "60s", "--percentage", "50", "--lease", "10m");
        var (listed, listOutput) = await CliRun.RunAsync("fault", "list");

        Assert.True(added == ExitCodes.Ok, addOutput);
        Assert.True(listed == ExitCodes.Ok, listOutput);
        var fault = Assert.Single(Store.Snapshot());
        Assert.Contains(fault.Id, listOutput, StringComparison.Ordinal);
        Assert.True(listOutput.Contains("delay 1m, percentage 50%", StringComparison.Ordinal), listOutput);
    }

    [Fact]
    public async Task List_LabStopped_SaysNoLabRuns()
    {
        await _lab.Server.DisposeAsync();

        var (code, output) = await CliRun.RunAsync("fault", "list");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: no lab is running: none found in {Path.Combine(Home, "labs")}; start one with 'faultline lab up TOPOLOGY', or pass --lab URL", output, StringComparison.Ordinal);
    }
}
