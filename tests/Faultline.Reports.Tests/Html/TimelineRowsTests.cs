using Faultline.Core.Verdict;
using Faultline.Reports.Html;

namespace Faultline.Reports.Tests.Html;

public sealed class TimelineRowsTests
{
    private static readonly DateTimeOffset T0 = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static TimelineEntry Entry(double seconds, TimelineEntryKind kind, string text, string? subject = null) =>
        new() { At = T0.AddSeconds(seconds), Offset = TimeSpan.FromSeconds(seconds), Kind = kind, Text = text, Subject = subject };

    private static TimelineEntry Probe(double seconds, string check, string location) =>
        Entry(seconds, TimelineEntryKind.HealthProbeTarget, $"{check} checkers at {location} probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1)", check);

    [Fact]
    public void TimelineTable_BurstOfProbeTargets_OneRowPerCheckAndTargetWithTheLocationsFolded()
    {
        var timeline = new[]
        {
            Entry(0, TimelineEntryKind.Phase, "baseline started (load on)"),
            Probe(1, "hc-us", "eu-west-1"),
            Probe(2, "hc-eu", "us-east-1"),
            Probe(8, "hc-us", "us-west-1"),
            Probe(9, "hc-us", "sa-east-1"),
            Probe(10, "hc-eu", "eu-west-1"),
            Entry(120, TimelineEntryKind.Phase, "fault phase started"),
            Probe(130, "hc-us", "us-east-1"),
        };

        var html = HtmlParts.TimelineTable(timeline);

        Assert.Contains("<summary>hc-us checkers at 3 locations probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1) &#215;3</summary>eu-west-1 +1s, us-west-1 +8s, sa-east-1 +9s</details>", html, StringComparison.Ordinal);
        Assert.Contains("<summary>hc-eu checkers at 2 locations probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1) &#215;2</summary>", html, StringComparison.Ordinal);

        // A lone probe-target entry after another kind stays as it is; rows keep time order.
        Assert.Contains("<td>hc-us checkers at us-east-1 probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1)</td>", html, StringComparison.Ordinal);
        Assert.Equal(5, html.Split("<tr", StringSplitOptions.None).Length - 2);
        Assert.True(html.IndexOf("hc-us checkers at 3", StringComparison.Ordinal) < html.IndexOf("hc-eu checkers at 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Percent_Nothing_SaysNoData() =>
        Assert.Equal("<span class=\"nodata\">no data</span>", HtmlParts.Percent(null));
}
