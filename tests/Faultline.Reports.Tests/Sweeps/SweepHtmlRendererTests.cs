using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Faultline.Core.Simulation;
using Faultline.Core.Text;
using Faultline.Core.Verdict;
using Faultline.Reports.Sweeps;
using Faultline.TestUtils;
using static Faultline.Reports.Tests.Sweeps.SweepPoints;

namespace Faultline.Reports.Tests.Sweeps;

public sealed partial class SweepHtmlRendererTests
{
    private const string Hostile = "<script>alert(\"x\")</script>&'";

    [GeneratedRegex("""<(script|link|img|iframe|object|embed)\b""", RegexOptions.IgnoreCase)]
    private static partial Regex ActiveElement();

    [GeneratedRegex("""<tr class="point best" data-point="(\d+)" data-best="true">""")]
    private static partial Regex BestRow();

    [Fact]
    public void Render_HostileNamesAndValues_AreEscapedEverywhere()
    {
        var point = SimulationSummary.Of(
            $"{Hostile}={Hostile}",
            [new(Hostile, Hostile)],
            [1],
            [new RunMeasures
            {
                Verdict = VerdictKind.Held,
                Checks = new Dictionary<string, bool?>(StringComparer.Ordinal) { [Hostile] = true },
                TimeToUnhealthy = new Dictionary<string, TimeSpan?>(StringComparer.Ordinal) { [Hostile] = TimeSpan.FromSeconds(5) },
                TimeToDnsMove = new Dictionary<string, TimeSpan?>(StringComparer.Ordinal) { [Hostile] = null },
                Outage = new Dictionary<string, TimeSpan>(StringComparer.Ordinal) { [Hostile] = TimeSpan.FromSeconds(9) },
            }]);
        var report = Report(point, point with { Settings = [new(Hostile, "other")], Label = Hostile + "2" }) with
        {
            Hypothesis = Hostile,
            ExperimentPath = Hostile,
            TopologyName = Hostile,
            TopologyPath = Hostile,
            ToolVersion = Hostile,
            Runs = [[new SweepRun(1, VerdictKind.Held, $"point-1/\"><script>x/report.html")], []],
        };

        var html = SweepHtmlRenderer.Render(report);

        Assert.DoesNotMatch(ActiveElement(), html);
        Assert.DoesNotContain(Hostile, html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert(\"x\")", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(Hostile), html, StringComparison.Ordinal);
        Assert.Contains("href=\"point-1/%22%3E%3Cscript%3Ex/report.html\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsAStaticPage_WithAPolicyThatForbidsScriptsAndFetches()
    {
        var html = SweepHtmlRenderer.Render(Report(Point(At("10s", "1"), new Run(VerdictKind.Held, 10, 60))));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;;", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(ActiveElement(), html);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Sweep_OneRowPerPoint_WithTheSummarysNumbers()
    {
        SimulationSummary[] points =
        [
            Point(At("10s", "1"), new Run(VerdictKind.Held, 9.5, 60), new Run(VerdictKind.Held, 10.25, 60), new Run(VerdictKind.Refuted, null, 600, Moved: false)),
            Point(At("10s", "3"), new Run(VerdictKind.Held, 29.5, 60), new Run(VerdictKind.Held, 30, 61), new Run(VerdictKind.Held, 31.125, 62)),
            Point(At("30s", "3"), new Run(VerdictKind.Inconclusive, 85, 120, 3), new Run(VerdictKind.Held, 86.5, 121), new Run(VerdictKind.Held, 92, 122)),
        ];

        var html = SweepHtmlRenderer.Render(Report(points));

        var columns = SweepHtml.Columns(html);
        var rows = SweepHtml.Rows(html);
        Assert.Equal(points.Length, rows.Count);
        for (var p = 0; p < points.Length; p++)
        {
            var summary = points[p];
            var cells = rows[p].Cells;
            Assert.Equal(columns.Count, cells.Count);
            (string Csv, string Text) Cell(string column) => cells[IndexOf(columns, column)];
            double Seconds(string column) => double.Parse(Cell(column).Csv, CultureInfo.InvariantCulture);

            Assert.Equal(summary.Settings.Select(s => s.Value), cells.Take(summary.Settings.Count).Select(c => c.Text));
            Assert.Equal(summary.Seeds.Count.ToString(CultureInfo.InvariantCulture), Cell("runs").Csv);
            Assert.Equal(summary.Verdicts.GetValueOrDefault(VerdictKind.Held), int.Parse(Cell("held").Csv, CultureInfo.InvariantCulture));
            Assert.Equal(summary.Verdicts.GetValueOrDefault(VerdictKind.Refuted), int.Parse(Cell("refuted").Csv, CultureInfo.InvariantCulture));
            Assert.Equal(summary.Verdicts.GetValueOrDefault(VerdictKind.Inconclusive), int.Parse(Cell("inconclusive").Csv, CultureInfo.InvariantCulture));
            Assert.Equal(summary.Verdicts.GetValueOrDefault(VerdictKind.NotRun), int.Parse(Cell("not-run").Csv, CultureInfo.InvariantCulture));
            Assert.Equal(summary.CheckPassRates["us customers moved to eu"], double.Parse(Cell("pass rate: us customers moved to eu").Csv, CultureInfo.InvariantCulture), 4);
            foreach (var (prefix, spread) in new[] { ("unhealthy: hc-us", summary.TimeToUnhealthy["hc-us"]), ("dns move: us-east-1 → api.example.test", summary.TimeToDnsMove["us-east-1 → api.example.test"]), ("outage: us-customers", summary.Outage["us-customers"]), ("outage: eu-customers", summary.Outage["eu-customers"]) })
            {
                Assert.Equal(spread.P5!.Value.TotalSeconds, Seconds($"{prefix} p5 (s)"), 3);
                Assert.Equal(spread.P50!.Value.TotalSeconds, Seconds($"{prefix} p50 (s)"), 3);
                Assert.Equal(spread.P95!.Value.TotalSeconds, Seconds($"{prefix} p95 (s)"), 3);
                Assert.Equal(spread.Never, int.Parse(Cell($"{prefix} never (s)").Csv, CultureInfo.InvariantCulture));
                Assert.Equal(Durations.Describe(spread.P50.Value), Cell($"{prefix} p50 (s)").Text);
            }
        }
    }

    [Fact]
    public void Render_Sweep_TableIsSummaryCsv_HeaderAndEveryRow()
    {
        SimulationSummary[] points =
        [
            Point(At("10s", "1"), new Run(VerdictKind.Held, 9.5, 60), new Run(VerdictKind.Refuted, null, 600, Moved: false)),
            Point(At("30s", "1"), new Run(VerdictKind.Held, 25, 60), new Run(VerdictKind.Held, 27.75, 61)),
        ];

        var html = SweepHtmlRenderer.Render(Report(points));

        var csv = SweepCsv.Render(points).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(SweepHtml.CsvFields(csv[0]), SweepHtml.Columns(html));
        Assert.Equal(csv.Skip(1).Select(SweepHtml.CsvFields), SweepHtml.Rows(html).Select(r => r.Cells.Select(c => c.Csv).ToList()));
    }

    [Fact]
    public void Render_Sweep_MarksThePointWithTheShortestMedianOutageOfTheHardestHitPopulation()
    {
        SimulationSummary[] points =
        [
            Point(At("30s", "3"), new Run(VerdictKind.Held, 85, 120, 5), new Run(VerdictKind.Held, 86, 121, 5)),
            Point(At("10s", "1"), new Run(VerdictKind.Held, 9, 40, 50), new Run(VerdictKind.Held, 10, 45, 50)),
            Point(At("10s", "3"), new Run(VerdictKind.Held, 30, 60, 0), new Run(VerdictKind.Held, 31, 61, 0)),
        ];

        var html = SweepHtmlRenderer.Render(Report(points));

        // us customers' worst median (120 s) beats eu's (50 s): the question is about them; 10s/1 has their shortest.
        var answer = SweepAnswer.Of(points);
        Assert.NotNull(answer);
        Assert.Equal("us-customers", answer.Population);
        Assert.Equal([1], answer.Best);
        Assert.Contains("<h2>How long until us-customers are served again?</h2>", html, StringComparison.Ordinal);
        Assert.Contains($"Soonest with <strong>{WebUtility.HtmlEncode(points[1].Label)}</strong>: a median outage of <strong>{Durations.Describe(points[1].Outage["us-customers"].P50!.Value)}</strong>", html, StringComparison.Ordinal);
        Assert.Equal(["2"], SweepHtml.Rows(html).Where(r => r.Attributes.Contains("data-best", StringComparison.Ordinal)).Select(r => Regex.Match(r.Attributes, "data-point=\"(\\d+)\"").Groups[1].Value));
        Assert.Equal(2, BestRow().Count(html));
        Assert.All(BestRow().Matches(html), m => Assert.Equal("2", m.Groups[1].Value));
    }

    [Fact]
    public void Answer_TiedMedians_GoToTheShorterP95_ThenToMoreRunsHeld_ThenAllStillTied()
    {
        SimulationSummary[] points =
        [
            Point(At("10s", "1"), new Run(VerdictKind.Held, 9, 60), new Run(VerdictKind.Held, 9, 70)),
            Point(At("10s", "3"), new Run(VerdictKind.Held, 9, 60), new Run(VerdictKind.Held, 9, 65)),
            Point(At("30s", "1"), new Run(VerdictKind.Refuted, 9, 60), new Run(VerdictKind.Held, 9, 65)),
            Point(At("30s", "3"), new Run(VerdictKind.Held, 9, 60), new Run(VerdictKind.Held, 9, 65)),
        ];

        var answer = SweepAnswer.Of(points);

        Assert.NotNull(answer);
        Assert.Equal([1, 3], answer.Best);
        Assert.Contains("Soonest, tied, with 2 settings", SweepHtmlRenderer.Render(Report(points)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-customers", "How long until us-customers are served again?")]
    [InlineData("mobile", "How long until mobile customers are served again?")]
    public void QuestionAbout_NamesThePopulationAsCustomers(string population, string question) =>
        Assert.Equal(question, SweepAnswer.QuestionAbout(population));

    [Fact]
    public void Render_OnePoint_AnswersWithItsDistribution_AndHasNoSettingColumns()
    {
        var point = Point([], new Run(VerdictKind.Refuted, null, 600, Moved: false), new Run(VerdictKind.Refuted, null, 600, Moved: false));

        var html = SweepHtmlRenderer.Render(Report(point));

        Assert.Contains("us-customers: a median outage of <strong>10m</strong> (p5 10m, p95 10m) over 2 runs.", html, StringComparison.Ordinal);
        Assert.Equal("runs", SweepHtml.Columns(html)[0]);
        Assert.DoesNotContain("data-best", html, StringComparison.Ordinal);
        Assert.Contains("data-verdict=\"refuted\"", html, StringComparison.Ordinal);
        Assert.Contains("Held in 0 of 2 runs", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OneSweptValue_ShowsItsColumn_ButMarksNoBestAndComparesNothing()
    {
        var point = Point(At("10s", "1"), new Run(VerdictKind.Held, 9, 60), new Run(VerdictKind.Held, 10, 60));

        var html = SweepHtmlRenderer.Render(Report(point));

        Assert.Equal("healthChecks.hc-us.interval", SweepHtml.Columns(html)[0]);
        Assert.Contains("us-customers: a median outage of <strong>1m</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Soonest", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-best", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table class=\"answer\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_KeptRuns_LinkEachRunsReport_PerPoint()
    {
        SimulationSummary[] points = [Point(At("10s", "1"), new Run(VerdictKind.Held, 9, 60)), Point(At("30s", "1"), new Run(VerdictKind.Refuted, 25, 600))];
        var report = Report(points) with { Runs = [[new SweepRun(42, VerdictKind.Held, "point-1/20000101-000000-hello-api-c3c6/report.html")], [new SweepRun(42, VerdictKind.Refuted, "point-2/20000101-000000-hello-api-c3c6/report.html")]] };

        var html = SweepHtmlRenderer.Render(report);

        Assert.Contains("<section id=\"runs\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"point-1/20000101-000000-hello-api-c3c6/report.html\">seed 42</a> <span class=\"run-verdict verdict-held\">held</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"point-2/20000101-000000-hello-api-c3c6/report.html\">seed 42</a> <span class=\"run-verdict verdict-refuted\">refuted</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"runs\"", SweepHtmlRenderer.Render(Report(points)), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Header_NamesTheExperimentTopologySeedsEngineAndWallTime()
    {
        var html = SweepHtmlRenderer.Render(Report(Point(At("10s", "1"), new Run(VerdictKind.Held, 9, 60), new Run(VerdictKind.Held, 9, 60), new Run(VerdictKind.Held, 9, 60))));

        Assert.Contains("<h1 id=\"hypothesis\">Route 53 moves us customers to eu</h1>", html, StringComparison.Ordinal);
        Assert.Contains("experiment /samples/seed/experiment.yaml", html, StringComparison.Ordinal);
        Assert.Contains("topology <strong>hello-api</strong> (/samples/seed/topology.yaml)", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"seeds\">seeds 42…44 (3 per point)</span>", html, StringComparison.Ordinal);
        Assert.Contains("engine <strong>simulated</strong>: virtual time, deterministic", html, StringComparison.Ordinal);
        Assert.Contains("<span id=\"wall-time\">wall time 7.6s</span>", html, StringComparison.Ordinal);
    }

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        var index = columns.ToList().IndexOf(column);
        Assert.True(index >= 0, $"no column '{column}' in: {string.Join(" | ", columns)}");
        return index;
    }
}
