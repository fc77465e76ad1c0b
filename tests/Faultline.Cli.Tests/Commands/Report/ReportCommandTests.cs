using Faultline.TestUtils.Runs;

namespace Faultline.Cli.Tests.Commands.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly string _runs = Directory.CreateTempSubdirectory("faultline-report-cli-").FullName;

    public void Dispose() => Directory.Delete(_runs, recursive: true);

    [Fact]
    public async Task Report_RunIdPrefix_WritesTheThreeFilesAndPrintsTheirPaths()
    {
        var run = ReportCli.Journal(_runs, "20260101-120000-misconfigured-0001", SeedRuns.Misconfigured(), "seed/misconfigured");

        var (code, output) = await ReportCli.RunAsync("report", "20260101-12", "--out-dir", _runs);

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains("verdict refuted", output, StringComparison.Ordinal);
        Assert.Contains(run.ReportPath, output, StringComparison.Ordinal);
        Assert.Contains(run.JUnitPath, output, StringComparison.Ordinal);
        Assert.True(File.Exists(run.ReportPath));
        Assert.True(File.Exists(run.JUnitPath));
        Assert.True(File.Exists(run.ResultPath));
    }

    [Fact]
    public async Task Report_Folder_OpenPathPrintsOnlyTheHtmlPath()
    {
        var run = ReportCli.Journal(_runs, "20260101-130000-correct-0002", SeedRuns.Correct(), "seed");

        var (code, output) = await ReportCli.RunAsync("report", run.FullPath, "--open-path");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(run.ReportPath, output.Trim());
    }

    [Fact]
    public async Task Report_UnknownRun_ExitsTwoAndNamesTheRecentRuns()
    {
        ReportCli.Journal(_runs, "20260101-130000-correct-0002", SeedRuns.Correct(), "seed");

        var (code, output) = await ReportCli.RunAsync("report", "nope", "--out-dir", _runs);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("no run 'nope'", output, StringComparison.Ordinal);
        Assert.Contains("20260101-130000-correct-0002", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_CompareWithOneRun_ExitsTwo()
    {
        var (code, output) = await ReportCli.RunAsync("report", "--compare", "only-one", "--out-dir", _runs);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("two runs", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Compare_WritesCompareHtmlInRunBAndPrintsWhatChanged()
    {
        ReportCli.Journal(_runs, "20260101-120000-misconfigured-0001", SeedRuns.Misconfigured(), "seed/misconfigured");
        var fixedRun = ReportCli.Journal(_runs, "20260101-130000-correct-0002", SeedRuns.Correct(), "seed");

        var (code, output) = await ReportCli.RunAsync("report", "--compare", "20260101-12", "20260101-13", "--out-dir", _runs);

        Assert.True(code == ExitCodes.Ok, output);
        Assert.Contains("verdict: refuted → held", output, StringComparison.Ordinal);
        Assert.Contains("us-customers", output, StringComparison.Ordinal);
        Assert.Matches(@"FAILED .*passed", output);
        Assert.True(File.Exists(Path.Combine(fixedRun.FullPath, "compare.html")));
    }
}
