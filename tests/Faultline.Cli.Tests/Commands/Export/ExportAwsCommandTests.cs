using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Export;

public sealed class ExportAwsCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-export-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task ExportAws_Seed_WritesTheBundleAndPrintsEveryFile()
    {
        var bundle = Path.Combine(_dir, "bundle");

        var (code, output) = await CliRun.RunAsync("export", "aws", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", bundle);

        Assert.Equal(ExitCodes.Ok, code);
        foreach (var file in new[] { "README.md", "fis/experiment-template.json", "ssm/chaos-extension.json", "cloudformation/alarms.json", "cloudformation/iam.json" })
        {
            Assert.True(File.Exists(Path.Combine(bundle, file)), file);
            Assert.Contains($"wrote {Path.Combine(bundle, file)}", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CommittedSeedBundle_EqualsAFreshExport()
    {
        // The same layout as the repository (samples/seed and samples/aws/seed), so the README's relative paths match.
        var seed = Directory.CreateDirectory(Path.Combine(_dir, "samples", "seed")).FullName;
        foreach (var file in new[] { "experiment.yaml", "topology.yaml" })
        {
            File.Copy(RepoPaths.Combine("samples", "seed", file), Path.Combine(seed, file));
        }

        var fresh = Path.Combine(_dir, "samples", "aws", "seed");
        var (code, output) = await CliRun.RunAsync("export", "aws", Path.Combine(seed, "experiment.yaml"), "--out", fresh);

        Assert.True(code == ExitCodes.Ok, output);
        var committed = RepoPaths.Combine("samples", "aws", "seed");
        var names = Directory.EnumerateFiles(fresh, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(fresh, f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.EnumerateFiles(committed, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(committed, f)).Order(StringComparer.Ordinal));
        foreach (var name in names)
        {
            // Regenerate with: faultline export aws samples/seed/experiment.yaml --out samples/aws/seed
            Assert.True(
                File.ReadAllText(Path.Combine(fresh, name)) == File.ReadAllText(Path.Combine(committed, name)),
                $"samples/aws/seed/{name} is stale: regenerate it with faultline export aws samples/seed/experiment.yaml --out samples/aws/seed");
        }
    }

    [Fact]
    public async Task ExportAws_OutIsAFile_IsRefused()
    {
        var file = Path.Combine(_dir, "bundle");
        await File.WriteAllTextAsync(file, "mine", TestContext.Current.CancellationToken);

        var (code, output) = await CliRun.RunAsync("export", "aws", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", file);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"--out {file} is a file, not a folder; name a folder (it is created if missing)", output, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExportAws_AFileItDidNotWrite_IsNotOverwrittenAndNothingIsWritten()
    {
        var bundle = Directory.CreateDirectory(Path.Combine(_dir, "bundle")).FullName;
        var readme = Path.Combine(bundle, "README.md");
        await File.WriteAllTextAsync(readme, "my notes", TestContext.Current.CancellationToken);

        var (code, output) = await CliRun.RunAsync("export", "aws", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", bundle);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{readme} exists and was not written by faultline export, so it is not overwritten; move it away or choose another --out", output, StringComparison.Ordinal);
        Assert.Equal("my notes", await File.ReadAllTextAsync(readme, TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(bundle, "fis")));
    }

    [Fact]
    public async Task ExportAws_Again_OverwritesItsOwnFilesAndLeavesOthersAlone()
    {
        var bundle = Path.Combine(_dir, "bundle");
        var experiment = RepoPaths.Combine("samples", "seed", "experiment.yaml");
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("export", "aws", experiment, "--out", bundle)).ExitCode);
        var template = Path.Combine(bundle, "fis", "experiment-template.json");
        var notes = Path.Combine(bundle, "notes.txt");
        await File.WriteAllTextAsync(template, "edited", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(notes, "mine", TestContext.Current.CancellationToken);

        var (code, _) = await CliRun.RunAsync("export", "aws", experiment, "--out", bundle, "--account-id", "210987654321");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("arn:aws:iam::210987654321:role/hello-api-fis", await File.ReadAllTextAsync(template, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(notes, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ExportAws_FaultAwsCannotInject_IsALocatedErrorAndWritesNothing()
    {
        var bundle = Path.Combine(_dir, "bundle");

        var (code, output) = await CliRun.RunAsync("export", "aws", RepoPaths.Combine("samples", "all-fields", "experiment.yaml"), "--out", bundle);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Matches(@"experiment\.yaml:\d+:\d+: action 'slow-network': fault 'network' has no AWS FIS or chaos-extension equivalent, so it cannot be exported", output);
        Assert.False(Directory.Exists(bundle));
    }

    [Fact]
    public async Task ExportAws_BadAccountId_IsAUsageError()
    {
        var (code, output) = await CliRun.RunAsync("export", "aws", RepoPaths.Combine("samples", "seed", "experiment.yaml"), "--out", _dir, "--account-id", "12");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--account-id 12 is not an AWS account id", output, StringComparison.Ordinal);
    }
}
