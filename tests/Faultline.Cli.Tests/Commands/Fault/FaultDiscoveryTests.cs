using Faultline.Cli.Tests.Support;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Core.Randomness;
using Faultline.Core.Time;
using Faultline.Lab.Control;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Fault;

/// <summary><c>fault</c> without <c>--lab</c> finds the running lab the way <c>recover</c> does: from the state directory.</summary>
[Collection(StateDirectoryCollection.Name)]
public sealed class FaultDiscoveryTests : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-home-").FullName;
    private readonly string? _previousHome = Environment.GetEnvironmentVariable(LabStateDirectory.HomeVariable);
    private FaultControlServer? _server;
    private FaultStore? _store;

    private FaultStore Store => _store ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync()
    {
        Environment.SetEnvironmentVariable(LabStateDirectory.HomeVariable, _home);
        var time = new ScaledTimeProvider(TimeProvider.System, 1);
        _store = new FaultStore(Some.Topology(), time, new RandomSource(1));
        _server = new FaultControlServer(_store, new FaultControlOptions { StateDirectory = _home }, time);
        await _server.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Environment.SetEnvironmentVariable(LabStateDirectory.HomeVariable, _previousHome);
        Directory.Delete(_home, recursive: true);
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
        await _server!.DisposeAsync();

        var (code, output) = await CliRun.RunAsync("fault", "list");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: no lab is running: none found in {Path.Combine(_home, "labs")}; start one with 'faultline lab up TOPOLOGY', or pass --lab URL", output, StringComparison.Ordinal);
    }
}
