using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Init;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<string> SeedFiles() =>
        Directory.EnumerateFiles(RepoPaths.Combine("samples", "seed"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Combine("samples", "seed"), f));

    [Fact]
    public async Task Init_EmptyFolder_WritesEverySeedSampleFileAsInTheRepo()
    {
        var (code, output) = await CliRun.RunAsync("init", _dir);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.NotEmpty(SeedFiles());
        foreach (var relative in SeedFiles())
        {
            var written = Path.Combine(_dir, relative);
            Assert.True(File.Exists(written), $"{relative} was not written; output: {output}");
            Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Combine("samples", "seed", relative), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(written, TestContext.Current.CancellationToken));
        }

        Assert.True(File.Exists(Path.Combine(_dir, "misconfigured", "topology.yaml")));
        Assert.Contains("faultline run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_FilesAlreadyThere_RefusesWithoutForceAndChangesNothing()
    {
        var existing = Path.Combine(_dir, "topology.yaml");
        await File.WriteAllTextAsync(existing, "mine", TestContext.Current.CancellationToken);

        var (code, output) = await CliRun.RunAsync("init", _dir);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("already exists; pass --force", output, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(_dir, "misconfigured")), "nothing should be written when anything would be overwritten");
    }

    [Fact]
    public async Task Init_Force_OverwritesExistingFiles()
    {
        var existing = Path.Combine(_dir, "topology.yaml");
        await File.WriteAllTextAsync(existing, "mine", TestContext.Current.CancellationToken);

        var (code, _) = await CliRun.RunAsync("init", _dir, "--force");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.NotEqual("mine", await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
    }
}
