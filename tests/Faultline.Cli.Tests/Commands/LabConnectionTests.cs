using System.Text.Json;
using Faultline.Cli.Commands;
using Faultline.Cli.Commands.Fault;
using Faultline.Core.Faults.Serialization;
using Faultline.Lab.Control;

namespace Faultline.Cli.Tests.Commands;

/// <summary>How <c>fault</c>, <c>recover</c> and <c>run --lab</c> find a lab and its token: one rule, one set of messages.</summary>
public sealed class LabConnectionTests : IDisposable
{
    // No process has this id: Linux caps them at 2^22.
    private const int StoppedProcess = int.MaxValue;

    private readonly string _home = Directory.CreateTempSubdirectory("faultline-labs-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Labs => Path.Combine(_home, "labs");

    private string Leave(string name, int port, int processId, bool token = true)
    {
        Directory.CreateDirectory(Labs);
        var tokenFile = LabStateDirectory.TokenFile(_home, port);
        if (token)
        {
            File.WriteAllText(tokenFile, $"token-{port}\n");
        }

        var descriptor = new LabDescriptor { Name = name, ControlUrl = new Uri($"http://127.0.0.1:{port}/"), TokenFile = tokenFile, ProcessId = processId };
        File.WriteAllText(LabStateDirectory.DescriptorFile(_home, port), JsonSerializer.Serialize(descriptor, FaultJson.Options));
        return tokenFile;
    }

    [Fact]
    public void One_NoLab_SaysNoneRunsAndHowToStartOne()
    {
        var lab = LabConnection.One(new FaultListSettings(), out var error, _home);

        Assert.Null(lab);
        Assert.Equal($"no lab is running: none found in {Labs}; start one with 'faultline lab up TOPOLOGY', or pass --lab URL", error);
    }

    [Fact]
    public void One_OnlyAStoppedLabsStateFile_SaysNoneRunsAndWhatIsLeft()
    {
        Leave("hello-api", 8474, StoppedProcess);

        var lab = LabConnection.One(new FaultListSettings(), out var error, _home);

        Assert.Null(lab);
        Assert.Equal($"no lab is running: none found in {Labs} (1 state file(s) there were left by labs that stopped); start one with 'faultline lab up TOPOLOGY', or pass --lab URL", error);
    }

    [Fact]
    public void One_OneRunningLab_IsFoundWithItsToken()
    {
        Leave("hello-api", 8474, Environment.ProcessId);
        Leave("old", 8475, StoppedProcess);

        var lab = LabConnection.One(new FaultListSettings(), out var error, _home);

        Assert.Null(error);
        Assert.NotNull(lab);
        Assert.Equal(new Uri("http://127.0.0.1:8474/"), lab.Url);
        Assert.Equal("token-8474", lab.Token);
        Assert.Equal("hello-api (http://127.0.0.1:8474/)", lab.Label);
    }

    [Fact]
    public void One_TwoRunningLabs_NamesThemAndAsksForLab()
    {
        Leave("hello-api", 8474, Environment.ProcessId);
        Leave("three-regions", 9474, Environment.ProcessId);

        var lab = LabConnection.One(new FaultListSettings(), out var error, _home);

        Assert.Null(lab);
        Assert.Equal("2 labs are running: hello-api at http://127.0.0.1:8474/, three-regions at http://127.0.0.1:9474/; pick one with --lab URL, e.g. --lab http://127.0.0.1:8474/", error);
    }

    [Fact]
    public void One_RunningLabWithoutItsToken_SaysWhereItLookedAndTheFix()
    {
        var tokenFile = Leave("hello-api", 8474, Environment.ProcessId, token: false);

        var lab = LabConnection.One(new FaultListSettings(), out var error, _home);

        Assert.Null(error);
        Assert.NotNull(lab);
        Assert.Null(lab.Token);
        Assert.Equal($"no token for the lab at http://127.0.0.1:8474/: {tokenFile} does not exist and FAULTLINE_TOKEN is not set; pass --token-file FILE, set FAULTLINE_TOKEN, or run on the machine whose lab wrote it", lab.TokenError);
    }

    [Fact]
    public void Given_LabWithoutAToken_SameMessageAsADiscoveredOne()
    {
        var lab = LabConnection.Given(new FaultListSettings { Lab = "http://127.0.0.1:1" }, _home);

        Assert.Equal($"no token for the lab at http://127.0.0.1:1/: {LabStateDirectory.TokenFile(_home, 1)} does not exist and FAULTLINE_TOKEN is not set; pass --token-file FILE, set FAULTLINE_TOKEN, or run on the machine whose lab wrote it", lab.TokenError);
    }

    [Fact]
    public void All_NoLabGiven_EveryStateFileAlsoOfStoppedLabs()
    {
        Leave("hello-api", 8474, Environment.ProcessId);
        Leave("old", 8475, StoppedProcess);

        var labs = LabConnection.All(new Faultline.Cli.Commands.Recover.RecoverSettings(), out var error, _home);

        Assert.Null(error);
        Assert.Equal(["hello-api", "old"], labs!.Select(l => l.Name));
    }

    [Theory]
    [InlineData("fault", "list")]
    [InlineData("recover")]
    [InlineData("run", "EXPERIMENT")]
    public async Task TokenFileWithoutLab_SameUsageErrorForEveryCommand(params string[] command)
    {
        var token = Path.Combine(_home, "token");
        await File.WriteAllTextAsync(token, "x", TestContext.Current.CancellationToken);
        var args = command.Select(a => a == "EXPERIMENT" ? Faultline.TestUtils.RepoPaths.Combine("samples", "seed", "experiment.yaml") : a).ToList();

        var (code, output) = await Support.CliRun.RunAsync([.. args, "--token-file", token]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--token-file goes with --lab: without --lab, the token each lab wrote next to its state file is used", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fault", "list")]
    [InlineData("recover")]
    [InlineData("run", "EXPERIMENT")]
    public async Task LabNotAnHttpUrl_SameUsageErrorForEveryCommand(params string[] command)
    {
        var args = command.Select(a => a == "EXPERIMENT" ? Faultline.TestUtils.RepoPaths.Combine("samples", "seed", "experiment.yaml") : a).ToList();

        var (code, output) = await Support.CliRun.RunAsync([.. args, "--lab", "ftp://127.0.0.1:8474"]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--lab 'ftp://127.0.0.1:8474' is not an http URL; e.g. --lab http://127.0.0.1:8474", output, StringComparison.Ordinal);
    }
}
