using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;
using Faultline.TestUtils.Schemas;

namespace Faultline.Cli.Tests.Commands.Init;

public sealed class InitCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-init-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IEnumerable<string> SeedFiles() =>
        Directory.EnumerateFiles(RepoPaths.Combine("samples", "seed"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Combine("samples", "seed"), f));

    [Fact]
    public async Task Init_EmptyFolder_WritesEverySeedSampleFileAsInTheRepoButItsHeader()
    {
        var (code, output) = await CliRun.RunAsync("init", _dir);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.NotEmpty(SeedFiles());
        foreach (var relative in SeedFiles())
        {
            var written = Path.Combine(_dir, relative);
            Assert.True(File.Exists(written), $"{relative} was not written; output: {output}");
            var repoLines = await File.ReadAllLinesAsync(RepoPaths.Combine("samples", "seed", relative), TestContext.Current.CancellationToken);
            var writtenLines = await File.ReadAllLinesAsync(written, TestContext.Current.CancellationToken);
            Assert.Equal(repoLines.Skip(1), writtenLines.Skip(1));
        }

        Assert.True(File.Exists(Path.Combine(_dir, "misconfigured", "topology.yaml")));
        Assert.Contains("faultline run", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("topology.yaml", "./schemas/topology.schema.json")]
    [InlineData("experiment.yaml", "./schemas/experiment.schema.json")]
    [InlineData("experiment-fis.yaml", "./schemas/experiment.schema.json")]
    [InlineData("misconfigured/topology.yaml", "../schemas/topology.schema.json")]
    [InlineData("misconfigured/experiment.yaml", "../schemas/experiment.schema.json")]
    public async Task Init_EachFile_NamesTheSchemaWrittenBesideIt(string relative, string reference)
    {
        // In the repository the headers name schemas/ at its root; init writes the schemas into the folder it writes, so
        // the files keep working in an editor wherever they are (and match the tool's version).
        await CliRun.RunAsync("init", _dir);

        var firstLine = File.ReadLines(Path.Combine(_dir, relative)).First();

        Assert.Equal($"# yaml-language-server: $schema={reference}", firstLine);
        Assert.True(File.Exists(Path.GetFullPath(Path.Combine(_dir, Path.GetDirectoryName(relative)!, reference))), $"{reference} from {relative} names no file");
    }

    [Fact]
    public async Task Init_WrittenFiles_ValidateAgainstTheWrittenSchemas()
    {
        await CliRun.RunAsync("init", _dir);

        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Combine("schemas", RepoSchemas.TopologyFile), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(Path.Combine(_dir, "schemas", RepoSchemas.TopologyFile), TestContext.Current.CancellationToken));
        Assert.Equal(await File.ReadAllTextAsync(RepoPaths.Combine("schemas", RepoSchemas.ExperimentFile), TestContext.Current.CancellationToken), await File.ReadAllTextAsync(Path.Combine(_dir, "schemas", RepoSchemas.ExperimentFile), TestContext.Current.CancellationToken));
        var topology = RepoSchemas.Load(Path.Combine(_dir, "schemas", RepoSchemas.TopologyFile));
        var experiment = RepoSchemas.Load(Path.Combine(_dir, "schemas", RepoSchemas.ExperimentFile));
        foreach (var relative in SeedFiles())
        {
            var schema = Path.GetFileName(relative).StartsWith("topology", StringComparison.Ordinal) ? topology : experiment;
            var text = await File.ReadAllTextAsync(Path.Combine(_dir, relative), TestContext.Current.CancellationToken);
            var errors = RepoSchemas.Errors(schema, text);
            Assert.True(errors.Count == 0, $"{relative}: {string.Join("; ", errors)}");
        }
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
