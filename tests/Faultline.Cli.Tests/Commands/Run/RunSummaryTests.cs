using Faultline.Cli.Commands.Run;
using Faultline.Core.Verdict;

namespace Faultline.Cli.Tests.Commands.Run;

public sealed class RunSummaryTests
{
    [Fact]
    public void DroppedLine_PopulationDroppedSends_NamesThemAndSaysTheyCountAsFailures()
    {
        var impact = new CustomerImpact { Population = "us-customers", Attempts = 120_000, Dropped = 1_234, FailureBreakdown = "1,234×dropped" };

        Assert.Equal(
            "us-customers: the load generator dropped 1,234 of 120,000 sends because too many requests were in flight (the answers were slower than the rate allows); they count as failures",
            RunSummary.DroppedLine(impact));
    }
}
