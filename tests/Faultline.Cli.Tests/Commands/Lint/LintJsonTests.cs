using System.Text.Json;
using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;

namespace Faultline.Cli.Tests.Commands.Lint;

/// <summary><c>faultline lint --output json</c> and <c>-q</c>: the findings as one JSON document, or only the verdict line.</summary>
public sealed class LintJsonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("faultline-lint-json-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Lint_OutputJson_PrintsTheFindingsAsTheOnlyThingOnStandardOutput()
    {
        var path = RepoPaths.Combine("samples", "seed", "misconfigured", "topology.yaml");

        var (code, output, error) = await CliRun.RunSplitAsync("lint", path, "--output", "json");

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonOutput.Parse(output);
        Assert.Equal(["file", "kind", "errors", "warnings", "findings"], JsonOutput.Names(json));
        Assert.Equal(path, json.GetProperty("file").GetString());
        Assert.Equal("topology", json.GetProperty("kind").GetString());
        Assert.Equal((0, 1), (json.GetProperty("errors").GetInt32(), json.GetProperty("warnings").GetInt32()));
        var finding = Assert.Single(json.GetProperty("findings").EnumerateArray());
        Assert.Equal(["file", "line", "column", "severity", "code", "message", "fix"], JsonOutput.Names(finding));
        Assert.Equal(path, finding.GetProperty("file").GetString());
        Assert.True(finding.GetProperty("line").GetInt32() > 0);
        Assert.True(finding.GetProperty("column").GetInt32() > 0);
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("health-check-probes-other-region", finding.GetProperty("code").GetString());
        Assert.StartsWith("hc-us guards set 'us' (us-east-1) of api.example.test but probes api.eu-west-1.example.test", finding.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("api.us-east-1.example.test", finding.GetProperty("fix").GetString(), StringComparison.Ordinal);

        // The lines for people still go somewhere: standard error.
        Assert.Contains("warning: hc-us guards set 'us'", error, StringComparison.Ordinal);
        Assert.Contains("1 finding(s).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_OutputJson_InvalidTopology_ListsEveryErrorAndExitsTwo()
    {
        var text = await File.ReadAllTextAsync(RepoPaths.Combine("samples", "seed", "topology.yaml"), TestContext.Current.CancellationToken);
        var path = Path.Combine(_dir, "topology.yaml");
        await File.WriteAllTextAsync(path, text.Replace("failureThreshold: 3", "failureThreshold: 11", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var (code, output, _) = await CliRun.RunSplitAsync("lint", path, "--output", "json");

        Assert.Equal(ExitCodes.InvalidInput, code);
        var json = JsonOutput.Parse(output);
        Assert.True(json.GetProperty("errors").GetInt32() >= 1);
        var error = json.GetProperty("findings")[0];
        Assert.Equal("error", error.GetProperty("severity").GetString());
        Assert.Equal(path, error.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Null, error.GetProperty("code").ValueKind);
        Assert.Contains("failureThreshold", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_OutputJson_MisconfiguredExperiment_HasTheConstructionErrorsWithCodesAndExitsOne()
    {
        var (code, output, _) = await CliRun.RunSplitAsync("lint", RepoPaths.Combine("samples", "seed", "misconfigured", "experiment.yaml"), "--output", "json");

        Assert.Equal(ExitCodes.Refuted, code);
        var json = JsonOutput.Parse(output);
        Assert.Equal("experiment", json.GetProperty("kind").GetString());
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("errors").GetInt32() + json.GetProperty("warnings").GetInt32(), findings.Count);
        Assert.Contains(findings, f => f.GetProperty("severity").GetString() == "error" && f.GetProperty("code").GetString() is { Length: > 0 });
        Assert.Contains(findings, f => f.GetProperty("code").GetString() == "health-check-probes-other-region" && f.GetProperty("file").GetString()!.EndsWith("topology.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Lint_Quiet_PrintsOnlyTheVerdictLineAndTheFindingsOnStandardError()
    {
        var path = RepoPaths.Combine("samples", "seed", "misconfigured", "topology.yaml");

        var (code, output, error) = await CliRun.RunSplitAsync("lint", path, "-q");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"{path}: 1 finding(s). The topology is valid, but it may not behave as intended.\n", output);
        Assert.Contains("warning: hc-us guards set 'us'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("finding(s).", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_Quiet_CleanTopology_PrintsItsOkLine()
    {
        var path = RepoPaths.Combine("samples", "seed", "topology.yaml");

        var (code, output, error) = await CliRun.RunSplitAsync("lint", path, "--quiet");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.StartsWith($"{path}: OK — ", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(error);
    }
}
