using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;
using Faultline.TestUtils.Schemas;

namespace Faultline.Cli.Tests.Commands.Import;

public sealed class ImportFisCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Topology => RepoPaths.Combine("samples", "seed", "topology.yaml");

    private static string CommittedTemplate => RepoPaths.Combine("samples", "aws", "seed", "fis", "experiment-template.json");

    [Fact]
    public async Task ImportFis_CommittedSeedTemplate_WritesAnExperimentThatPlans()
    {
        var output = Path.Combine(_dir, "experiment.yaml");

        var (code, text) = await CliRun.RunAsync("import", "fis", CommittedTemplate, "--topology", Topology, "--out", output);

        Assert.True(code == ExitCodes.Ok, text);
        Assert.Contains($"wrote {output}: 1 actions, 1 targets, 1 stop conditions", text, StringComparison.Ordinal);
        var yaml = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.Contains("    fault: latency\n", yaml, StringComparison.Ordinal);
        Assert.Contains("{ name: \"global outage\", metric: \"successRate\", clients: \"all\", below: \"40%\", for: \"1m\" }", yaml, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("plan", output)).ExitCode);
    }

    [Fact]
    public async Task ImportFis_NoSchemasFolderAbove_HeaderNamesTheSchemaIdAndTheFileValidates()
    {
        var output = Path.Combine(_dir, "experiment.yaml");

        var (code, text) = await CliRun.RunAsync("import", "fis", CommittedTemplate, "--topology", Topology, "--out", output);

        Assert.True(code == ExitCodes.Ok, text);
        var yaml = await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken);
        Assert.StartsWith("# yaml-language-server: $schema=https://faultline.invalid/schemas/experiment.schema.json\n# Imported from ", yaml, StringComparison.Ordinal);
        Assert.Empty(RepoSchemas.Errors(RepoSchemas.Experiment, yaml));
    }

    [Fact]
    public async Task ImportFis_IntoAFolderInitWrote_HeaderNamesTheSchemaInit()
    {
        Assert.Equal(ExitCodes.Ok, (await CliRun.RunAsync("init", _dir)).ExitCode);
        var output = Path.Combine(_dir, "imported", "experiment.yaml");

        var (code, text) = await CliRun.RunAsync("import", "fis", CommittedTemplate, "--topology", Topology, "--out", output);

        Assert.True(code == ExitCodes.Ok, text);
        Assert.Equal("# yaml-language-server: $schema=../schemas/experiment.schema.json", File.ReadLines(output).First());
    }

    [Fact]
    public async Task ImportFis_UnsupportedAction_IsALocatedErrorAndWritesNothing()
    {
        var template = Path.Combine(_dir, "template.json");
        await File.WriteAllTextAsync(template, "{\n  \"actions\": {\n    \"reboot\": { \"actionId\": \"aws:ec2:reboot-instances\" }\n  }\n}", TestContext.Current.CancellationToken);
        var output = Path.Combine(_dir, "experiment.yaml");

        var (code, text) = await CliRun.RunAsync("import", "fis", template, "--topology", Topology, "--out", output);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{template}:3:29: action 'reboot': FIS action 'aws:ec2:reboot-instances' is not supported; supported actions: aws:ssm:start-automation-execution, aws:fis:wait,", text, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Simulate_AcceptsAnFisTemplateWithTopology()
    {
        var (code, text) = await CliRun.RunAsync("simulate", CommittedTemplate, "--topology", Topology, "--out", _dir);

        Assert.True(code is ExitCodes.Ok or ExitCodes.Refuted, text);
        Assert.Contains("verdict:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_FisTemplateWithoutTopology_SaysToGiveOne()
    {
        var (code, text) = await CliRun.RunAsync("simulate", CommittedTemplate, "--out", _dir);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("an FIS template names no topology; give the topology its targets map to: --topology topology.yaml", text, StringComparison.Ordinal);
    }
}
