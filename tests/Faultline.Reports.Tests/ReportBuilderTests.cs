using Faultline.Core.Health;
using Faultline.Core.Verdict;

namespace Faultline.Reports.Tests;

public sealed class ReportBuilderTests : IDisposable
{
    private readonly ReportJournals _journals = new();

    public void Dispose() => _journals.Dispose();

    [Fact]
    public void Build_CompleteMisconfiguredJournal_UsesTheStoredRefutedVerdict()
    {
        var report = ReportBuilder.Build(_journals.Misconfigured().JournalPath);

        Assert.Equal(VerdictKind.Refuted, report.Verdict.Kind);
        Assert.False(report.VerdictRecomputed);
        Assert.False(report.Partial);
        Assert.NotEmpty(report.Verdict.Diagnosis);
        Assert.StartsWith("A failure in us-east-1", report.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PartialJournal_MarkedPartialWithAVerdictRecomputedFromTheExperiment()
    {
        var report = ReportBuilder.Build(_journals.Misconfigured(complete: false).JournalPath);

        Assert.True(report.Partial);
        Assert.True(report.VerdictRecomputed);
        Assert.True(report.Verdict.Partial);
        Assert.Contains("partial", report.Verdict.Summary, StringComparison.Ordinal);

        // The sample experiment's six checks, rebuilt from the text the journal stored.
        Assert.Equal(6, report.Verdict.Checks.Count);
    }

    [Fact]
    public void Build_CorrectRun_ChartsShowFailoverToEuWithMarkers()
    {
        var report = ReportBuilder.Build(_journals.Correct().JournalPath);

        Assert.Equal(["health", "checkers", "regions", "status", "success", "latency", "dns"], report.Charts.Select(c => c.Id));
        var checkers = report.Charts.Single(c => c.Id == "checkers").Series.Single(s => s.Label == "hc-us").Values;
        Assert.Equal(100, checkers[0]);
        Assert.Contains(checkers, v => v < HealthCheckState.HealthyAbovePercentage);
        var regions = report.Charts.Single(c => c.Id == "regions");
        Assert.Contains(regions.Series, s => s.Label == "region_eu-west-1");
        var health = report.Charts.Single(c => c.Id == "health").Series.Single(s => s.Label == "hc-us");
        Assert.Contains(0d, health.Values);
        Assert.Contains(report.Markers, m => m.Kind == TimelineEntryKind.FaultStart && m.Seconds == 120);
        Assert.Contains(report.Markers, m => m.Kind == TimelineEntryKind.HealthFlip && m.Seconds == 208);
        Assert.Contains(report.Markers, m => m.Kind == TimelineEntryKind.DnsAnswer && m.Label.Contains("eu-west-1", StringComparison.Ordinal));
    }
}
