using System.Text.Json;
using System.Xml.Linq;
using Faultline.EndToEnd.Tests.Runs;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;
using Microsoft.Playwright;

namespace Faultline.EndToEnd.Tests.Reports;

/// <summary>
/// <c>faultline report</c> on real runs: the assembly's shared seed and misconfigured runs (<see cref="SharedRuns"/>),
/// copied here because reporting writes into a run's folder, their reports opened from disk in headless Chromium with
/// the network off, charts and verdict checked, screenshots kept.
/// </summary>
[Collection(RunCollection.Name)]
public sealed class ReportTests : IDisposable
{
    private static readonly TimeSpan ReportDeadline = TimeSpan.FromMinutes(1);
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-report-").FullName;
    private readonly SharedRuns _shared;

    public ReportTests(SharedRuns shared)
    {
        _shared = shared;
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Out => Path.Combine(_home, "runs");

    /// <summary>Copies a shared run's folder into this test's runs folder and returns the copy.</summary>
    private string Copy(SharedRun run)
    {
        Assert.True(run.ExitCode is 0 or 1, run.Output);
        var source = run.Folder;
        var copy = Path.Combine(Out, Path.GetFileName(source));
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    private static async Task<string> ReportAsync(string home, params string[] args)
    {
        var (code, output) = await FaultlineProcess.RunAsync(home, ReportDeadline, TestContext.Current.CancellationToken, ["report", .. args]);
        Assert.True(code == 0, output);
        return output;
    }

    [Fact]
    public async Task Report_SeedAndMisconfiguredRuns_RenderOfflineInChromiumAndCompare()
    {
        var misconfigured = Copy(await _shared.MisconfiguredAsync(TestContext.Current.CancellationToken));
        var seed = Copy(await _shared.SeedAsync(TestContext.Current.CancellationToken));

        // Works whether or not `run` already wrote the report: this regenerates it from the journal.
        var output = await ReportAsync(_home, Path.GetFileName(misconfigured), "--out-dir", Out);
        Assert.Contains(Path.Combine(misconfigured, "report.html"), output, StringComparison.Ordinal);
        await ReportAsync(_home, seed);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (folder, name) in new[] { (misconfigured, "misconfigured"), (seed, "seed") })
        {
            var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement.GetProperty("verdict").GetProperty("kind").GetString()!;
            if (name == "misconfigured")
            {
                Assert.Equal("refuted", expected);
            }

            await AssertRendersOfflineAsync(browser, Path.Combine(folder, "report.html"), expected, $"report-{name}.png");
            AssertJUnit(folder, expected);
        }

        var compare = await ReportAsync(_home, "--compare", misconfigured, seed);
        Assert.Contains("verdict: refuted → ", compare, StringComparison.Ordinal);
        Assert.Contains("us health check turns unhealthy", compare, StringComparison.Ordinal);
        var compareHtml = Path.Combine(seed, "compare.html");
        Assert.True(File.Exists(compareHtml), compare);
        await ScreenshotOfflineAsync(browser, compareHtml, "compare.png", expectedCharts: 14);
    }

    private static async Task AssertRendersOfflineAsync(IBrowser browser, string html, string verdict, string screenshot)
    {
        // The seven per-second charts and the three of "What CloudWatch would show" (1-minute datapoints).
        var page = await ScreenshotOfflineAsync(browser, html, screenshot, expectedCharts: 10);
        foreach (var chart in new[] { "cloudwatch-health", "cloudwatch-regions", "cloudwatch-status" })
        {
            Assert.Equal("true", await page.GetAttributeAsync($"#chart-run-{chart}", "data-rendered"));
        }

        Assert.Equal(verdict, await page.GetAttributeAsync("#verdict", "data-verdict"));
        Assert.Equal(verdict.Replace('-', ' '), (await page.InnerTextAsync("#verdict .verdict-kind")).ToLowerInvariant());
        await page.Context.CloseAsync();
    }

    private static async Task<IPage> ScreenshotOfflineAsync(IBrowser browser, string html, string screenshot, int expectedCharts)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await context.SetOfflineAsync(true);
        var blocked = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }

            lock (blocked)
            {
                blocked.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-charts-rendered]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        Assert.Equal(expectedCharts.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("body", "data-charts-rendered"));

        // Every chart's canvas has pixels drawn on it, not just an empty element.
        Assert.Equal(expectedCharts, await Chromium.PaintedCanvasesAsync(page, "figure[data-chart] canvas"));
        Assert.Empty(blocked);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, screenshot), FullPage = true });
        return page;
    }

    private static void AssertJUnit(string folder, string verdict)
    {
        var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "result.json"))).RootElement.GetProperty("verdict").GetProperty("checks");
        var suite = XDocument.Load(Path.Combine(folder, "junit.xml")).Root!.Element("testsuite")!;
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(result.GetArrayLength(), cases.Count);
        var failed = result.EnumerateArray().Count(c => c.TryGetProperty("passed", out var p) && p.ValueKind == JsonValueKind.False);
        Assert.Equal(failed, cases.Count(c => c.Element("failure") is not null));
        Assert.Contains(suite.Element("properties")!.Elements("property"), p => p.Attribute("name")!.Value == "verdict" && p.Attribute("value")!.Value == verdict);
    }
}
