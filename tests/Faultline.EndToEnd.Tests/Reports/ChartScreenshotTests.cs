using System.Text.Json;
using System.Text.Json.Nodes;
using Faultline.EndToEnd.Tests.Support;
using Faultline.TestUtils;
using Microsoft.Playwright;

namespace Faultline.EndToEnd.Tests.Reports;

/// <summary>
/// The charts an SRE reads, checked in Debian's chromium on reports of simulated runs (virtual time: a second or two,
/// no lab): every series has the colour its meaning promises, on the canvas as well as in the options; no label
/// touches another or lies on the data; latency is on a log scale; a comparison draws both runs on the same scales.
/// Screenshots are kept in artifacts/test-results/screenshots.
/// </summary>
[Collection(Runs.RunCollection.Name)]
public sealed class ChartScreenshotTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly string _home = Directory.CreateTempSubdirectory("faultline-charts-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Out => Path.Combine(_home, "runs");

    private async Task<string> SimulateAsync(string sample)
    {
        var before = Directory.Exists(Out) ? Directory.GetDirectories(Out).ToHashSet(StringComparer.Ordinal) : [];
        var (code, output) = await FaultlineProcess.RunAsync(
            _home, Deadline, TestContext.Current.CancellationToken, ["simulate", RepoPaths.Combine(["samples", .. sample.Split('/'), "experiment.yaml"]), "--out", Out]);
        Assert.True(code is 0 or 1, output);
        return Assert.Single(Directory.GetDirectories(Out), d => !before.Contains(d));
    }

    [Fact]
    public async Task Report_SimulatedRuns_ColoursByMeaningNoOverlapsLogLatencyAlignedCompare()
    {
        var misconfigured = await SimulateAsync("seed/misconfigured");
        var correct = await SimulateAsync("seed");
        var (code, output) = await FaultlineProcess.RunAsync(_home, Deadline, TestContext.Current.CancellationToken, ["report", "--compare", misconfigured, correct]);
        Assert.True(code == 0, output);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        foreach (var (folder, name) in new[] { (misconfigured, "misconfigured"), (correct, "correct") })
        {
            var page = await OpenAsync(browser, Path.Combine(folder, "report.html"), $"charts-report-{name}.png");

            // (a) Colours by meaning: the options say it, and the pixels of each series drawn alone say it too.
            foreach (var chart in new[] { "chart-run-status", "chart-run-regions", "chart-run-cloudwatch-status", "chart-run-cloudwatch-regions" })
            {
                var series = await ChartProbe.SeriesAsync(page, chart);
                Assert.NotEmpty(series);
                foreach (var s in series)
                {
                    Assert.True(ChartProbe.Meaning.TryGetValue(s.Label, out var expected), $"{chart}: series '{s.Label}' is not in the meaning table");
                    Assert.Equal(expected, s.Stroke);
                    // A line hidden under another, or at a plot edge, leaves a few anti-aliased pixels: not a colour.
                    if (s.Pixels > 20)
                    {
                        Assert.True(ChartProbe.Close(s.PixelColor, expected), $"{chart}: '{s.Label}' is drawn in {s.PixelColor} ({s.Pixels} px), not {expected}");
                    }
                }

                // Each status class that had traffic shows on the canvas (a line at 0 the whole run may hide under another).
                Assert.Contains(series, s => s.Label == (chart.Contains("status", StringComparison.Ordinal) ? "2xx responses" : "requests served by eu-west-1") && s.Pixels > 50);
            }

            if (name == "misconfigured")
            {
                Assert.Contains(await ChartProbe.SeriesAsync(page, "chart-run-status"), s => s.Label == "5xx responses" && s.Pixels > 50 && ChartProbe.Close(s.PixelColor, "#cf222e"));
            }

            // Series with equal values (both regions' checkers at 100%, both populations' success rates, the status
            // classes at 0) each show their colour where they coincide, none hidden under the one drawn last.
            Assert.True((await ChartProbe.CoincidentAsync(page, "chart-run-checkers")).Count(s => !s.Dashed && s.Columns > 100) >= 2, "the checkers' lines of both regions should coincide somewhere at 100%");
            await AssertCoincidentSeriesShowAsync(page, "run");

            // (b) No label overlaps another, and no marker label lies on the plot.
            var labels = await ChartProbe.LabelsAsync(page);
            Assert.Contains(labels, l => l.Kind == "marker");
            Assert.Contains(labels, l => l.Kind == "x-tick");
            Assert.Empty(ChartProbe.Overlaps([.. labels.Where(l => l.Kind != "plot" && l.Kind is not ("x-tick" or "y-tick"))]));
            foreach (var group in labels.Where(l => l.Kind is "x-tick" or "y-tick").GroupBy(l => (l.Chart, l.Kind)))
            {
                Assert.Empty(ChartProbe.Overlaps([.. group]));
            }

            foreach (var plot in labels.Where(l => l.Kind == "plot"))
            {
                Assert.Empty(ChartProbe.Overlaps([plot, .. labels.Where(l => l.Chart == plot.Chart && l.Kind == "marker")]));
            }

            // Ticks on round minutes of lab time.
            Assert.All(labels.Where(l => l.Kind == "x-tick" && !l.Chart.Contains("cloudwatch", StringComparison.Ordinal)), l => Assert.Matches(@"^(0|\+\d+m)$", l.Text));

            // (c) Latency on a log scale: milliseconds and seconds both read.
            var latency = await ChartProbe.ScalesAsync(page, "chart-run-latency");
            Assert.Equal(3, latency.YDistr);
            Assert.Equal(10, latency.YLog);
            Assert.Contains(latency.YTicks, t => t.EndsWith(" ms", StringComparison.Ordinal));
            if (name == "misconfigured")
            {
                Assert.Contains(latency.YTicks, t => t.EndsWith(" s", StringComparison.Ordinal));
            }

            // The checkers' share chart, with Route 53's 18% line, and threshold lines of checks and the stop condition.
            var checkers = await ChartProbe.SeriesAsync(page, "chart-run-checkers");
            Assert.Contains(checkers, s => s.Label.StartsWith("Route 53: healthy while more than 18%", StringComparison.Ordinal));
            var success = await ChartProbe.SeriesAsync(page, "chart-run-success");
            Assert.Contains(success, s => s.Label.StartsWith("check “eu customers unaffected”", StringComparison.Ordinal));
            Assert.Contains(success, s => s.Label.StartsWith("stop condition “global outage”", StringComparison.Ordinal));
            await page.Context.CloseAsync();
        }

        // The comparison: each chart of A and its twin of B have the same x and y ranges.
        var compare = await OpenAsync(browser, Path.Combine(correct, "compare.html"), "charts-compare.png");
        foreach (var chart in new[] { "health", "checkers", "regions", "status", "success", "latency", "dns" })
        {
            var a = await ChartProbe.ScalesAsync(compare, $"chart-a-{chart}");
            var b = await ChartProbe.ScalesAsync(compare, $"chart-b-{chart}");
            Assert.True(a.XMin == b.XMin && a.XMax == b.XMax, $"{chart}: x {a.XMin}..{a.XMax} in A, {b.XMin}..{b.XMax} in B");
            Assert.True(a.YMin == b.YMin && a.YMax == b.YMax, $"{chart}: y {a.YMin}..{a.YMax} in A, {b.YMin}..{b.YMax} in B");
        }

        // ... the twins' plot areas have the same size at the same height, whatever marker rows either has above it.
        var compareLabels = await ChartProbe.LabelsAsync(compare);
        foreach (var chart in new[] { "health", "checkers", "regions", "status", "success", "latency", "dns" })
        {
            var a = Assert.Single(compareLabels, l => l.Chart == $"chart-a-{chart}" && l.Kind == "plot");
            var b = Assert.Single(compareLabels, l => l.Chart == $"chart-b-{chart}" && l.Kind == "plot");
            Assert.True(
                Math.Abs(a.Top - b.Top) < 0.5 && Math.Abs(a.Bottom - b.Bottom) < 0.5 && Math.Abs((a.Right - a.Left) - (b.Right - b.Left)) < 0.5,
                $"{chart}: the plot is [{a.Left:0},{a.Top:0},{a.Right:0},{a.Bottom:0}] in A, [{b.Left:0},{b.Top:0},{b.Right:0},{b.Bottom:0}] in B");
        }

        Assert.Contains(compareLabels, l => l.Chart.StartsWith("chart-a-", StringComparison.Ordinal) && l.Kind == "marker");
        await AssertCoincidentSeriesShowAsync(compare, "a");
        await AssertCoincidentSeriesShowAsync(compare, "b");
        Assert.Empty(ChartProbe.Overlaps([.. compareLabels.Where(l => l.Kind is "marker" or "legend")]));
        await compare.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_PopulationWithNoFinishedRequest_CardSaysNoDataNotAGreenPercentage()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var dashboard = await Faultline.Dashboard.LiveDashboard.StartAsync(new() { Title = "no data" }, null, cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();

        // The dashboard's own state, with one population whose last second had no finished request (a stall).
        await page.RouteAsync("**/api/state", async route =>
        {
            var response = await route.FetchAsync();
            var state = JsonNode.Parse(await response.TextAsync())!.AsObject();
            state["version"] = 1;
            state["populations"] = JsonNode.Parse(
                """
                [{ "name": "us-customers", "attempts": 0, "successRate": null, "p50Ms": null, "p99Ms": null, "regions": {} },
                 { "name": "eu-customers", "attempts": 20, "successRate": 100, "p50Ms": 12.3, "p99Ms": null, "regions": { "eu-west-1": 20 } }]
                """);
            await route.FulfillAsync(new() { Response = response, Body = state.ToJsonString() });
        });
        await page.GotoAsync(dashboard.Url.AbsoluteUri);
        await page.WaitForSelectorAsync("#populations [data-population='us-customers']", new() { Timeout = 30_000 });

        var card = page.Locator("#populations [data-population='us-customers']");
        Assert.Equal("no data", await card.Locator(".value").InnerTextAsync());
        Assert.Equal("nodata", await card.GetAttributeAsync("data-state"));
        Assert.DoesNotContain("ok", (await card.GetAttributeAsync("class"))!.Split(' '));

        // What is known, not empty numbers with units ("p50 — ms"); a latency not measured is left out.
        Assert.Equal("no request finished in the last second", await card.Locator(".sub").InnerTextAsync());
        Assert.Equal("20 req/s · p50 12.3 ms · region_eu-west-1 20", await page.Locator("#populations [data-population='eu-customers'] .sub").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "charts-dashboard-no-data.png") });
        await context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_SeriesWithEqualValues_EachColourShows()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var dashboard = await Faultline.Dashboard.LiveDashboard.StartAsync(new() { Title = "equal series" }, null, cancel);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();

        // Both regions' checkers at 100% for a minute, then us-east-1's fall to 40% while eu-west-1's stay: the
        // report's checkers chart, with Route 53's dashed 18% line, drawn live.
        var seconds = Enumerable.Range(0, 90).Select(i => (double)i).ToArray();
        var us = seconds.Select(s => (double?)(s < 60 ? 100 : 40)).ToArray();
        var eu = seconds.Select(_ => (double?)100).ToArray();
        await page.RouteAsync("**/api/state", async route =>
        {
            var response = await route.FetchAsync();
            var state = JsonNode.Parse(await response.TextAsync())!.AsObject();
            state["version"] = 1;
            state["charts"] = JsonSerializer.SerializeToNode(new[]
            {
                new
                {
                    id = "checkers", title = "Checkers that see each health check healthy (%)", unit = "%", seconds,
                    series = new object[]
                    {
                        new { label = "hc-us", legend = "checkers that see hc-us healthy", color = "#0969da", values = us },
                        new { label = "hc-eu", legend = "checkers that see hc-eu healthy", color = "#8250df", values = eu },
                        new { label = "route53", legend = "Route 53: healthy while more than 18% of checkers see it healthy", color = "#57606a", dashed = true, threshold = true, values = seconds.Select(_ => (double?)18).ToArray() },
                    },
                },
            });
            await route.FulfillAsync(new() { Response = response, Body = state.ToJsonString() });
        });
        await page.GotoAsync(dashboard.Url.AbsoluteUri);
        await page.WaitForSelectorAsync("#chart-live-checkers[data-rendered='true']", new() { Timeout = 30_000 });

        var series = await ChartProbe.CoincidentAsync(page, "chart-live-checkers");
        foreach (var label in new[] { "checkers that see hc-us healthy", "checkers that see hc-eu healthy" })
        {
            var s = Assert.Single(series, s => s.Label == label);
            Assert.True(s.Columns > 300, $"'{label}' coincides over {s.Columns} columns only");
            Assert.True(s.Pixels >= s.Columns / 2, $"'{label}' ({s.Stroke}) has {s.Pixels} px of its colour over the {s.Columns} columns where it equals the other: hidden under it");
        }

        // The values under the cursor stay exact: only the drawing moves.
        Assert.Equal(["+0m30s", "100", "100", "18"], await ChartProbe.LegendValuesAsync(page, "chart-live-checkers", 30));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, "charts-dashboard-equal-series.png"), FullPage = true });
        await context.CloseAsync();
    }

    // Every solid line that equals another over a stretch shows its own colour there: about a pixel per column at
    // least (hidden under its twin it has none). Dashed threshold and p99 lines show in their gaps anyway.
    private static async Task AssertCoincidentSeriesShowAsync(IPage page, string run)
    {
        foreach (var chart in new[] { "checkers", "success", "status", "regions" })
        {
            foreach (var s in await ChartProbe.CoincidentAsync(page, $"chart-{run}-{chart}"))
            {
                Assert.True(
                    s.Dashed || s.Columns < 20 || s.Pixels >= s.Columns / 2,
                    $"chart-{run}-{chart}: '{s.Label}' ({s.Stroke}) has {s.Pixels} px of its colour over the {s.Columns} columns where it equals another series: hidden under it");
            }
        }
    }

    private static async Task<IPage> OpenAsync(IBrowser browser, string html, string screenshot)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await context.SetOfflineAsync(true);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(html).AbsoluteUri);
        await page.WaitForSelectorAsync("body[data-charts-rendered]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        Assert.NotEqual("0", await page.GetAttributeAsync("body", "data-charts-rendered"));
        Assert.Equal(0, await page.Locator("figure[data-rendered='error']").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.Screenshots, screenshot), FullPage = true });
        return page;
    }
}
