using System.Net;
using System.Text;
using Faultline.Reports.Html;

namespace Faultline.Dashboard;

/// <summary>
/// The dashboard's one page: styles, uPlot and the page script inline (nothing fetched but <c>api/state</c> from
/// the same origin), so it works with no network.
/// </summary>
internal static class DashboardPage
{
    private static readonly Lazy<string> LazyScript = new(() => Read("web/dashboard.js"));
    private static readonly Lazy<string> LazyStyles = new(() => Read("web/dashboard.css"));

    public static string Render(string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append(" — faultline live</title>\n<style>\n")
            .Append(WebAssets.UPlotCss).Append('\n').Append(WebAssets.ReportCss).Append('\n').Append(LazyStyles.Value).Append("</style>\n</head>\n<body data-state=\"pending\">\n");
        html.Append("""
            <header>
            <div class="meta">Faultline live dashboard <span id="connection" class="connection">connecting…</span></div>
            <h1 id="title"></h1>
            <div class="meta" id="run-meta"></div>
            </header>
            <section id="status" class="tiles">
            <div class="tile" id="run-state"><div class="label">Run</div><div class="value" id="run-state-value">pending</div><div class="sub" id="run-phase"></div></div>
            <div class="tile" id="elapsed"><div class="label">Lab time</div><div class="value" id="elapsed-value">—</div><div class="sub" id="elapsed-sub"></div></div>
            <div class="tile" id="host" data-impaired="0"><div class="label">Host timing</div><div class="value" id="host-value">—</div><div class="sub" id="host-sub"></div></div>
            </section>
            <div id="final"></div>
            <section id="problems-section" hidden><h2>Problems</h2><ul id="problems"></ul></section>
            <div class="columns">
            <section><h2>Health checks</h2><div id="health" class="tiles"></div></section>
            <section><h2>DNS answers per location</h2><div id="dns" class="tiles"></div></section>
            </div>
            <section><h2>Customers (last lab second)</h2><div id="populations" class="tiles"></div></section>
            <section id="stop-conditions-section"><h2>Stop conditions</h2><div id="stop-conditions" class="tiles"></div></section>
            <div class="columns">
            <section><h2>Faults</h2><div id="faults"><p class="empty">No fault applied yet.</p></div></section>
            <section><h2>Actions</h2><div id="actions"><p class="empty">No action started yet.</p></div></section>
            </div>
            <section id="live-checks-section"><h2>Checks</h2><div id="live-checks"><p class="empty">No check evaluated yet.</p></div></section>
            <section><h2>Charts</h2>
            <p class="note">Lab time since the run's start, ticks on whole minutes. Colours mean the same in every chart: 2xx green, 4xx amber, 5xx red, errors grey, and one colour per region (a population and a health check take their region's). Dashed level lines are thresholds of checks and stop conditions. Markers, labelled above each chart, in black so they never read as a status or a region: fault start and end (solid), health flips (dashed), DNS answer changes (dotted), stop (thick, dark red).</p>
            <div id="charts" class="charts"></div>
            </section>
            <section id="cloudwatch-section"><h2>What CloudWatch would show</h2>
            <p class="kind">The same run as 1-minute CloudWatch datapoints (period 60 s, stamped with the start of each UTC minute of lab time): HealthCheckStatus with the statistic Minimum, the load counters with Sum (every client added). A minute appears once it is over.</p>
            <div id="cloudwatch-charts" class="charts"><p class="empty">No complete minute yet.</p></div>
            </section>
            <footer>Served by faultline on loopback; updates every second. Charts drawn with uPlot (MIT), inlined.</footer>

            """);
        html.Append("<script>\n").Append(WebAssets.UPlotJs).Append("\n</script>\n<script>\n").Append(WebAssets.ChartsJs).Append('\n').Append(LazyScript.Value).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Read(string name)
    {
        using var stream = typeof(DashboardPage).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded; rebuild Faultline.Dashboard.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
