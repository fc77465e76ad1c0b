using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;
using Microsoft.Playwright;

namespace Faultline.EndToEnd.Tests.Dashboard;

/// <summary>
/// <c>faultline run</c>'s live dashboard in a real browser: Debian's chromium loads the printed URL while the seed
/// experiment runs, sees every widget fill and the fault marker appear, then the verdict, and the page stays up
/// until Ctrl-C. Screenshots are kept as test artifacts.
/// </summary>
[Collection(Faultline.EndToEnd.Tests.Runs.RunCollection.Name)]
public sealed partial class DashboardTests : IDisposable
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(4);
    private const float PageTimeout = 180_000;
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-dashboard-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Run_Dashboard_FillsLiveShowsTheFaultMarkerThenTheVerdictUntilCtrlC()
    {
        var cancel = TestContext.Current.CancellationToken;

        // The browser starts before the run, so its start-up does not compete with the lab's baseline.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(PageTimeout);

        await using var run = FaultlineProcess.Start(
            _home, "run", RepoPaths.Combine(["samples", "seed", "experiment.yaml"]), "--keep-dashboard", "--out", Path.Combine(_home, "runs"));
        await run.WaitForOutputAsync(o => DashboardUrl().IsMatch(o), RunDeadline, cancel);
        var url = new Uri(DashboardUrl().Match(run.Output).Groups[1].Value);
        var foreign = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            // The page may reach its own origin and nothing else: no CDN, no font, no analytics.
            if (new Uri(route.Request.Url).Authority == url.Authority)
            {
                await route.ContinueAsync();
                return;
            }

            lock (foreign)
            {
                foreign.Add(route.Request.Url);
            }

            await route.AbortAsync();
        });
        await page.GotoAsync(url.AbsoluteUri);

        // Every widget fills: both health checks, both locations' answers, both populations, the stop condition, all seven
        // charts with points.
        await page.WaitForFunctionAsync("""
            () => document.querySelectorAll('#health [data-check]').length === 2
              && document.querySelectorAll('#dns [data-location]').length === 2
              && document.querySelectorAll('#populations [data-population]').length === 2
              && document.querySelectorAll('#stop-conditions [data-stop-condition="global outage"][data-fired="false"]').length === 1
              && document.body.dataset.chartsRendered === '7'
              && Number(document.querySelector('figure[data-chart="regions"]').dataset.points) > 5
              && Number(document.querySelector('figure[data-chart="latency"]').dataset.series) === 4
            """);
        Assert.Equal("1 healthy", await page.InnerTextAsync("#health [data-check='hc-eu'] .value"));
        Assert.Contains("stops when success rate < 40% for 1m", await page.InnerTextAsync("#stop-conditions [data-stop-condition='global outage']"), StringComparison.Ordinal);

        // It keeps updating on its own.
        var version = long.Parse((await page.GetAttributeAsync("body", "data-version"))!, CultureInfo.InvariantCulture);
        await page.WaitForFunctionAsync("(v) => Number(document.body.dataset.version) > v", version);

        // The fault is applied: its marker joins the charts and the faults table shows it active, while the run goes on.
        await page.WaitForFunctionAsync("() => Number(document.body.dataset.faultMarkers) >= 1 && document.querySelector('#faults tr[data-active=\"true\"]') !== null");
        Assert.Equal("running", await page.GetAttributeAsync("body", "data-state"));
        Assert.Contains("latency", await page.InnerTextAsync("#faults tr[data-fault-id='f1']"), StringComparison.Ordinal);
        Assert.Equal(7, await Chromium.PaintedCanvasesAsync(page, "#charts figure canvas"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "dashboard-live.png"), FullPage = true });

        // The run ends: the page shows the run's verdict and links the report, and faultline keeps serving it.
        await page.WaitForSelectorAsync("#verdict[data-verdict]");
        await run.WaitForOutputAsync(o => o.Contains("dashboard: still serving the verdict", StringComparison.Ordinal), RunDeadline, cancel);
        var verdict = Verdict(Assert.Single(Directory.GetDirectories(Path.Combine(_home, "runs"))));
        Assert.Equal(verdict, await page.GetAttributeAsync("#verdict", "data-verdict"));
        await page.WaitForSelectorAsync("#report-link");

        // What CloudWatch would show: the run's 15 lab minutes (16 periods when it did not start on a minute) as
        // 1-minute datapoints in three charts.
        await page.WaitForFunctionAsync("""
            () => Number(document.getElementById('cloudwatch-charts').dataset.minutes) >= 15
              && document.querySelectorAll('#cloudwatch-charts figure[data-rendered="true"]').length === 3
            """);
        Assert.Equal(3, await Chromium.PaintedCanvasesAsync(page, "#cloudwatch-charts figure canvas"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "dashboard-verdict.png"), FullPage = true });
        Assert.False(run.HasExited, run.Output);
        var report = await page.GotoAsync(new Uri(url, "report").AbsoluteUri);
        Assert.Equal(200, report!.Status);
        await page.WaitForSelectorAsync("body[data-charts-rendered='10']", new() { State = WaitForSelectorState.Attached });

        // Ctrl-C ends it with the run's exit code.
        run.Interrupt();
        Assert.Equal(verdict == "held" ? 0 : 1, await run.WaitForExitAsync(RunDeadline, cancel));
        lock (foreign)
        {
            Assert.Empty(foreign);
        }
    }

    private static string Verdict(string runFolder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "result.json"))).RootElement.GetProperty("verdict").GetProperty("kind").GetString()!;

    [GeneratedRegex(@"dashboard: (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex DashboardUrl();
}
