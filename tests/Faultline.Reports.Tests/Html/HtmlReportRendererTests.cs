using System.Text.RegularExpressions;
using Faultline.Reports.Html;

namespace Faultline.Reports.Tests.Html;

public sealed partial class HtmlReportRendererTests : IDisposable
{
    private readonly ReportJournals _journals = new();

    public void Dispose() => _journals.Dispose();

    [GeneratedRegex("""<(script|link|img|iframe)[^>]+(src|href)\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    [Fact]
    public void Render_MisconfiguredRun_ShowsVerdictChecksDiagnosisAndInlineChartData()
    {
        var report = ReportBuilder.Build(_journals.Misconfigured().JournalPath);

        var html = HtmlReportRenderer.Render(report);

        Assert.Contains("data-verdict=\"refuted\"", html, StringComparison.Ordinal);
        Assert.Contains(">Refuted<", html, StringComparison.Ordinal);
        Assert.Contains("health-check-probes-other-region", html, StringComparison.Ordinal);
        foreach (var check in report.Verdict.Checks)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(check.Name), html, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(check.Expected), html, StringComparison.Ordinal);
        }

        Assert.Contains("id=\"faultline-data\"", html, StringComparison.Ordinal);
        Assert.Contains("region_us-east-1", html, StringComparison.Ordinal);
        Assert.Contains("uPlot", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"partial-banner\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunTheHostStalled_ShowsTheHostTimingAndWhichChecksItImpaired()
    {
        var report = ReportBuilder.Build(_journals.HostStalled().JournalPath);

        var html = HtmlReportRenderer.Render(report);

        Assert.Contains("data-verdict=\"inconclusive\"", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"host\"><h2>Host timing</h2>", html, StringComparison.Ordinal);
        Assert.Contains("data-impaired-seconds=\"2\"", html, StringComparison.Ordinal);
        Assert.Contains("The host could not keep time scale 20 in 2 lab seconds of 900", html, StringComparison.Ordinal);
        Assert.Contains("class=\"host-impaired\">host-impaired: in 2 lab seconds of its window", html, StringComparison.Ordinal);
        Assert.Contains("1000 ms of lab time (50 ms of wall time at 20×): half of hc-us&#39;s 2s response limit", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("live", "time scale 20×", "simulated in virtual time")]
    [InlineData("simulated", "simulated in virtual time", "time scale")]
    public void Render_Engine_TheHeaderSaysHowLabTimeRan(string engine, string shown, string absent)
    {
        var report = ReportBuilder.Build(_journals.Correct().JournalPath);
        report = report with { Header = report.Header with { Engine = engine, TimeScale = engine == "live" ? 20 : 0 } };

        var html = HtmlReportRenderer.Render(report);
        var meta = html[html.IndexOf("<span>run ", StringComparison.Ordinal)..html.IndexOf("</header>", StringComparison.Ordinal)];

        Assert.Contains($"<span>{shown}</span>", meta, StringComparison.Ordinal);
        Assert.DoesNotContain(absent, meta, StringComparison.Ordinal);
        Assert.Contains("</span>\n<span>", meta, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunWithoutHostTiming_HasNoHostSection()
    {
        var html = HtmlReportRenderer.Render(ReportBuilder.Build(_journals.Correct().JournalPath));

        Assert.DoesNotContain("id=\"host\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunWhoseLeaseLapsed_InconclusiveWithTheProblemListedAndNoDiagnosis()
    {
        var html = HtmlReportRenderer.Render(ReportBuilder.Build(_journals.LeaseLapsed().JournalPath));

        Assert.Contains("data-verdict=\"inconclusive\"", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"problems\"><h2>Problems</h2>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<li class=\"problem undermines\" data-kind=\"lease-lapsed\"><span class=\"kind\">T+2:10 lease-lapsed, undermines the verdict</span> fault f1 (latency on us-east-1/hello) was reverted by the lab at T+2:10 when its lease lapsed, 9m50s before its planned end</li>",
            html,
            StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"diagnosis\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RunWithoutProblems_HasNoProblemsSection()
    {
        var html = HtmlReportRenderer.Render(ReportBuilder.Build(_journals.Correct().JournalPath));

        Assert.DoesNotContain("id=\"problems\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AnyRun_ReferencesNothingOutsideTheFile()
    {
        var html = HtmlReportRenderer.Render(ReportBuilder.Build(_journals.Correct().JournalPath));

        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("data-verdict=\"held\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartialJournal_SaysProminentlyThatTheRunDidNotFinish()
    {
        var html = HtmlReportRenderer.Render(ReportBuilder.Build(_journals.Misconfigured(complete: false).JournalPath));

        var banner = html.IndexOf("class=\"partial-banner\"", StringComparison.Ordinal);
        Assert.True(banner > 0);
        Assert.True(banner < html.IndexOf("id=\"verdict\"", StringComparison.Ordinal), "the banner comes before the verdict");
        Assert.Contains("Partial — the run did not finish", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameJournalTwice_SameText()
    {
        var path = _journals.Misconfigured().JournalPath;

        Assert.Equal(HtmlReportRenderer.Render(ReportBuilder.Build(path)), HtmlReportRenderer.Render(ReportBuilder.Build(path)));
    }

    [Fact]
    public void Render_CorrectRun_ShowsWhatCloudWatchWouldShowNextToThePerSecondCharts()
    {
        var report = ReportBuilder.Build(_journals.Correct().JournalPath);

        var html = HtmlReportRenderer.Render(report);

        // The per-second charts are as they were; the 1-minute view comes after them, statistic and period stated.
        Assert.Equal(["health", "checkers", "regions", "status", "success", "latency", "dns"], report.Charts.Select(c => c.Id));
        Assert.Equal(["cloudwatch-health", "cloudwatch-regions", "cloudwatch-status"], report.CloudWatch.Select(c => c.Id));
        var section = html.IndexOf("<section id=\"cloudwatch\">", StringComparison.Ordinal);
        Assert.True(section > html.IndexOf("<section id=\"charts\">", StringComparison.Ordinal), "the CloudWatch view follows the charts");
        Assert.Contains("HealthCheckStatus (AWS/Route53, by HealthCheckId): Minimum per 60 s period", html, StringComparison.Ordinal);
        Assert.Contains("status_2xx, status_4xx, status_5xx (Faultline namespace): Sum per 60 s period", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"cloudwatch-status\" data-period=\"60\"", html, StringComparison.Ordinal);
        Assert.Contains("\"periodSeconds\":60", html, StringComparison.Ordinal);

        // hc-us turned unhealthy at +3m28s and healthy again at +12m30s: Minimum 0 for 12:03 through 12:12.
        var health = report.CloudWatch[0].Series.Single(s => s.Label == "hc-us").Values;
        Assert.Equal([1d, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1], health);

        // us customers: 20 responses/s, 5xx from +2m00s to +4m28s (the cached answer), so 12:04 has 28 s of them.
        var status5xx = report.CloudWatch[2].Series.Single(s => s.Label == "status_5xx").Values;
        Assert.Equal([0d, 0, 1200, 1200, 560, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], status5xx);
        Assert.Contains("<tr class=\"datapoint\" data-minute=\"2026-01-01T12:04:00Z\"><td>12:04</td><td class=\"num\">+4m00s</td>", html, StringComparison.Ordinal);
    }
}
