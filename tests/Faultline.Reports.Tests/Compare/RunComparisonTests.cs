using Faultline.Core.Verdict;
using Faultline.Reports.Compare;

namespace Faultline.Reports.Tests.Compare;

public sealed class RunComparisonTests : IDisposable
{
    private readonly ReportJournals _journals = new();

    public void Dispose() => _journals.Dispose();

    [Fact]
    public void Create_MisconfiguredThenFixed_VerdictAndFailedChecksChangedAndUsImpactShrinks()
    {
        var comparison = RunComparison.Create(ReportBuilder.Build(_journals.Misconfigured().JournalPath), ReportBuilder.Build(_journals.Correct().JournalPath));

        Assert.True(comparison.VerdictChanged);
        Assert.Equal(VerdictKind.Refuted, comparison.Before.Verdict.Kind);
        Assert.Equal(VerdictKind.Held, comparison.After.Verdict.Kind);
        var changed = comparison.Checks.First(c => c.ResultChanged && c.Before?.Passed == false && c.After?.Passed == true);
        Assert.NotNull(changed.Before!.Measured);
        var us = comparison.Impact.Single(i => i.Population == "us-customers");
        Assert.True(us.After!.Failures < us.Before!.Failures);
    }
}
