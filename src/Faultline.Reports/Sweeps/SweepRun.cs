using Faultline.Core.Verdict;

namespace Faultline.Reports.Sweeps;

/// <summary>One kept run of a batch (<c>--keep-runs</c>), for a link to its own report.</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="Verdict">Its verdict.</param>
/// <param name="ReportPath">Its <c>report.html</c>, relative to the batch folder (e.g. <c>point-2/20000101-000000-hello-api-c3c6/report.html</c>).</param>
public sealed record SweepRun(int Seed, VerdictKind Verdict, string ReportPath);
