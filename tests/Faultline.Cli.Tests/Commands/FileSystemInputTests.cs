using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands;

/// <summary>File-system problems a user can cause exit 2 with the path and the fix, never "internal error".</summary>
public sealed class FileSystemInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-fs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SeedExperiment => RepoPaths.Combine("samples", "seed", "experiment.yaml");

    private string AFile()
    {
        var path = Path.Combine(_dir, "a-file");
        File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public async Task Run_OutIsAFile_ExitsTwoNamingThePath()
    {
        var file = AFile();

        var (code, output) = await CliRun.RunAsync("run", SeedExperiment, "--out", file, "--no-dashboard");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: --out '{file}' is a file, but must be a folder; name a folder (it is created when missing), e.g. --out runs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExperimentIsAFolder_ExitsTwo()
    {
        var (code, output) = await CliRun.RunAsync("run", _dir, "--no-dashboard");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: the experiment '{_dir}' is a folder, but must be a file; name the file itself", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_TopologyMissing_ExitsTwo()
    {
        var missing = Path.Combine(_dir, "nope.yaml");

        var (code, output) = await CliRun.RunAsync("run", SeedExperiment, "--topology", missing, "--no-dashboard");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: --topology '{missing}' does not exist; check the path", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_TopologyIsAFolder_ExitsTwoNamingThePath()
    {
        var (code, output) = await CliRun.RunAsync("lint", _dir);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"topology file '{_dir}' is a folder; name the topology file itself, e.g. {Path.Combine(_dir, "topology.yaml")}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fault", "list")]
    [InlineData("fault", "reset")]
    [InlineData("recover")]
    public async Task FaultAndRecover_MissingTokenFile_ExitTwoNamingIt(params string[] verb)
    {
        var missing = Path.Combine(_dir, "lab.token");

        var (code, output) = await CliRun.RunAsync([.. verb, "--lab", "http://127.0.0.1:1", "--token-file", missing]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: --token-file '{missing}' does not exist; check the path", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_TokenFileIsAFolder_ExitsTwo()
    {
        var (code, output) = await CliRun.RunAsync("fault", "list", "--lab", "http://127.0.0.1:1", "--token-file", _dir);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: --token-file '{_dir}' is a folder, but must be a file; name the file itself", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_IntoAnExistingFile_ExitsTwoNamingIt()
    {
        var file = AFile();

        var (code, output) = await CliRun.RunAsync("init", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: '{file}' is a file, but init writes a folder; name a new or existing folder, e.g. faultline init my-lab", output, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabUp_StateDirIsAFile_ExitsTwo()
    {
        var file = AFile();

        var (code, output) = await CliRun.RunAsync("lab", "up", RepoPaths.Combine("samples", "seed", "topology.yaml"), "--state-dir", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"error: --state-dir '{file}' is a file, but must be a folder", output, StringComparison.Ordinal);
    }
}
