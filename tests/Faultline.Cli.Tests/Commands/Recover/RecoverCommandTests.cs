using System.Net;
using System.Net.Sockets;
using Faultline.Cli.Commands.Recover;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Latency;
using Faultline.Lab.Control;
using Faultline.Lab.Hosting;
using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Cli.Tests.Commands.Recover;

public sealed class RecoverCommandTests : IAsyncLifetime
{
    private readonly HttpClient _http = new();
    private SomeLab? _lab;

    private LabHost Lab => _lab?.Host ?? throw new InvalidOperationException("not started");

    private string[] LabArgs => ["--lab", Lab.ControlUrl.ToString(), "--token-file", Lab.TokenFile];

    public async ValueTask InitializeAsync() =>
        _lab = await SomeLab.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_lab is not null)
        {
            await _lab.DisposeAsync();
        }

        _http.Dispose();
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) => CliRun.RunAsync(args);

    private ActiveFault Inject(string owner) => Lab.Faults.Add(
        new FaultSpec { Options = new LatencyFaultOptions { Delay = TimeSpan.FromSeconds(60) }, Target = new FaultTarget { Region = "us-east-1", Function = "hello" } },
        owner,
        TimeSpan.FromMinutes(10));

    private Task<Faultline.Core.Experiments.Execution.ConfigurationChange> AttachAsync(string owner) => new FaultControlClient(_http, Lab.ControlUrl, Lab.Token).ConfigureFunctionAsync(
        "us-east-1/hello",
        new ConfigureFunctionRequest
        {
            Owner = owner,
            Set = new Dictionary<string, string>(StringComparer.Ordinal) { ["CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"] = "true" },
            AttachLayer = "chaos-lambda-extension",
        },
        TestContext.Current.CancellationToken);

    [Fact]
    public async Task Recover_WithLab_RevertsEveryFaultAndRestoresFunctions()
    {
        var fault = Inject("run-1");
        Inject("cli");
        await AttachAsync("run-1");

        var (exitCode, output) = await RunAsync(["recover", .. LabArgs]);

        Assert.True(exitCode == ExitCodes.Ok, output);
        Assert.Empty(Lab.Faults.Snapshot());
        Assert.Contains("reverted 2 fault(s)", output, StringComparison.Ordinal);
        Assert.Contains($"{fault.Id}  latency on us-east-1/hello  (owner run-1)", output, StringComparison.Ordinal);
        Assert.Contains("restored 1 function configuration(s)", output, StringComparison.Ordinal);
        Assert.Contains("us-east-1/hello  -CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY  layers: []", output, StringComparison.Ordinal);
        var runtime = Lab.Functions.Find("us-east-1/hello")!;
        Assert.Empty(runtime.Layers);
        Assert.False(runtime.Environment.ContainsKey("CHAOS_EXTENSION__LAMBDA__ENABLE_LATENCY"));
    }

    [Fact]
    public async Task Recover_WithOwner_RevertsOnlyThatRunsFaults()
    {
        Inject("run-1");
        var other = Inject("cli");

        var (exitCode, output) = await RunAsync(["recover", .. LabArgs, "--owner", "run-1"]);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(other.Id, Assert.Single(Lab.Faults.Snapshot()).Id);
        Assert.Contains("reverted 1 fault(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recover_LabNotRunning_SaysSoAndExitsTwo()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, output) = await RunAsync(["recover", "--lab", $"http://127.0.0.1:{port}/", "--token-file", Lab.TokenFile]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains($"lab http://127.0.0.1:{port}/ is not running", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recover_TokenFileWithoutLab_IsAUsageError()
    {
        var (exitCode, output) = await RunAsync(["recover", "--token-file", Lab.TokenFile]);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("--token-file goes with --lab", output, StringComparison.Ordinal);
    }
}
