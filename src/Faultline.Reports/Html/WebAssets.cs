namespace Faultline.Reports.Html;

/// <summary>The scripts and styles every report inlines, embedded in this assembly at build time.</summary>
internal static class WebAssets
{
    private static readonly Lazy<string> LazyUPlotJs = new(() => Read("web/uPlot.iife.min.js"));
    private static readonly Lazy<string> LazyUPlotCss = new(() => Read("web/uPlot.min.css"));
    private static readonly Lazy<string> LazyChartsJs = new(() => Read("web/charts.js"));
    private static readonly Lazy<string> LazyReportJs = new(() => Read("web/report.js"));
    private static readonly Lazy<string> LazyReportCss = new(() => Read("web/report.css"));

    public static string UPlotJs => LazyUPlotJs.Value;

    public static string UPlotCss => LazyUPlotCss.Value;

    /// <summary>The charts' uPlot options (<c>FaultlineCharts</c>), shared by the report and the live dashboard.</summary>
    public static string ChartsJs => LazyChartsJs.Value;

    public static string ReportJs => LazyReportJs.Value;

    public static string ReportCss => LazyReportCss.Value;

    private static string Read(string name)
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The report asset {name} is not embedded; rebuild Faultline.Reports (it embeds src/Faultline.Reports/Html and web/vendor).");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
