namespace Faultline.Dashboard;

/// <summary>The run's verdict, shown once the run ends.</summary>
/// <param name="Kind">held, refuted, inconclusive or not-run, in kebab case.</param>
/// <param name="Summary">The one-line summary.</param>
/// <param name="Html">The verdict, diagnosis, checks, impact and timeline as the report renders them.</param>
/// <param name="ReportUrl">Where the page serves the full report, once written.</param>
public sealed record DashboardVerdict(string Kind, string Summary, string Html, string? ReportUrl);
