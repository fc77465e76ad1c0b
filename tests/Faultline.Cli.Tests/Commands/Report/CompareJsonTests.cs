using System.Text.Json;
using Faultline.Cli.Tests.Support;
using Faultline.TestUtils.Runs;

namespace Faultline.Cli.Tests.Commands.Report;

/// <summary><c>faultline report --output json</c> and <c>-q</c>: with <c>--compare</c>, the two runs' key numbers side by side.</summary>
public sealed class CompareJsonTests : IDisposable
{
    private const string Misconfigured = "20260101-120000-misconfigured-0001";
    private const string Correct = "20260101-130000-correct-0002";

    private readonly string _runs = Directory.CreateTempSubdirectory("faultline-compare-json-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public async Task Compare_OutputJson_PrintsBothRunsKeyNumbersSideBySide()
    {
        ReportCli.Journal(_runs, Misconfigured, SeedRuns.Misconfigured(), "seed/misconfigured");
        var fixedRun = ReportCli.Journal(_runs, Correct, SeedRuns.Correct(), "seed");

        var (code, output, error) = await CliRun.RunSplitAsync("report", "--compare", "20260101-12", "20260101-13", "--out-dir", _runs, "--output", "json");

        Assert.Equal(ExitCodes.Ok, code);
        var json = JsonOutput.Parse(output);
        Assert.Equal(["a", "b", "verdictChanged", "checks", "impact", "compare"], JsonOutput.Names(json));
        Assert.Equal((Misconfigured, "refuted"), (json.GetProperty("a").GetProperty("runId").GetString(), json.GetProperty("a").GetProperty("verdict").GetString()));
        Assert.Equal((Correct, "held"), (json.GetProperty("b").GetProperty("runId").GetString(), json.GetProperty("b").GetProperty("verdict").GetString()));
        Assert.False(json.GetProperty("a").GetProperty("partial").GetBoolean());
        Assert.True(json.GetProperty("verdictChanged").GetBoolean());

        var checks = json.GetProperty("checks").EnumerateArray().ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal(["name", "expected", "a", "b", "changed"], JsonOutput.Names(c)));
        var changed = checks.First(c => c.GetProperty("changed").GetBoolean());
        Assert.Equal(("failed", "passed"), (changed.GetProperty("a").GetProperty("result").GetString(), changed.GetProperty("b").GetProperty("result").GetString()));
        Assert.Equal(JsonValueKind.String, changed.GetProperty("expected").ValueKind);

        var us = json.GetProperty("impact").EnumerateArray().Single(p => p.GetProperty("population").GetString() == "us-customers");
        Assert.True(us.GetProperty("a").GetProperty("failures").GetInt64() > us.GetProperty("b").GetProperty("failures").GetInt64());
        Assert.True(us.GetProperty("a").GetProperty("outageSeconds").GetDouble() > 0);
        Assert.Equal(["requests", "failures", "successRate", "outageSeconds"], JsonOutput.Names(us.GetProperty("b")));

        Assert.Equal(Path.Combine(fixedRun.FullPath, "compare.html"), json.GetProperty("compare").GetString());
        Assert.Contains("verdict: refuted → held", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_Quiet_PrintsOnlyTheVerdictChange()
    {
        ReportCli.Journal(_runs, Misconfigured, SeedRuns.Misconfigured(), "seed/misconfigured");
        ReportCli.Journal(_runs, Correct, SeedRuns.Correct(), "seed");

        var (code, output, error) = await CliRun.RunSplitAsync("report", "--compare", "20260101-12", "20260101-13", "--out-dir", _runs, "-q");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("verdict: refuted → held\n", output);
        Assert.Empty(error);
    }

    [Fact]
    public async Task Compare_Html_WritesThePageThere()
    {
        ReportCli.Journal(_runs, Misconfigured, SeedRuns.Misconfigured(), "seed/misconfigured");
        ReportCli.Journal(_runs, Correct, SeedRuns.Correct(), "seed");
        var page = Path.Combine(_runs, "fix.html");

        var (code, output, _) = await CliRun.RunSplitAsync("report", "--compare", "20260101-12", "20260101-13", "--out-dir", _runs, "--html", page, "--open-path");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(page + "\n", output);
        Assert.True(File.Exists(page));
    }

    [Fact]
    public async Task Compare_OutputAFile_ExitsTwoPointingToHtml()
    {
        var (code, output, error) = await CliRun.RunSplitAsync("report", "--compare", "A", "B", "--output", "fix.html");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Empty(output);
        Assert.Contains("error: --output 'fix.html' is not an output format; use text or json, and name the comparison page's file with --html, e.g. --html fix.html", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OutputJson_PrintsTheResultJsonItWrote()
    {
        var run = ReportCli.Journal(_runs, Correct, SeedRuns.Correct(), "seed");

        var (code, output, _) = await CliRun.RunSplitAsync("report", run.FullPath, "--output", "json");

        Assert.Equal(ExitCodes.Ok, code);
        JsonOutput.Parse(output);
        Assert.Equal((await File.ReadAllTextAsync(run.ResultPath, TestContext.Current.CancellationToken)).Trim() + "\n", output);
    }

    [Fact]
    public async Task Report_Quiet_PrintsTheVerdictLine()
    {
        var run = ReportCli.Journal(_runs, Misconfigured, SeedRuns.Misconfigured(), "seed/misconfigured");

        var (code, output, _) = await CliRun.RunSplitAsync("report", run.FullPath, "-q");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal($"{Misconfigured}: verdict refuted\n", output);
    }
}
