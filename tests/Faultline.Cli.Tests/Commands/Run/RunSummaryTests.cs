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

    [Fact]
    public void TimelineLines_ProbeTargetPerCheckerLocation_IsOneLinePerCheckAndTarget()
    {
        var at = DateTimeOffset.UnixEpoch;
        TimelineEntry Probe(string check, string location, string target) => new()
        {
            At = at, Offset = TimeSpan.FromSeconds(1.2), Kind = TimelineEntryKind.HealthProbeTarget, Text = $"{check} checkers at {location} probe {target}", Subject = check,
        };
        var timeline = new[]
        {
            Probe("hc-us", "us-east-1", "api.us-east-1.example.test at 127.0.1.1 (us-east-1)"),
            Probe("hc-us", "eu-west-1", "api.us-east-1.example.test at 127.0.1.1 (us-east-1)"),
            Probe("hc-us", "ap-southeast-2", "api.us-east-1.example.test at 127.0.1.1 (us-east-1)"),
            Probe("hc-eu", "us-east-1", "api.eu-west-1.example.test at 127.0.2.1 (eu-west-1)"),
            new TimelineEntry { At = at, Offset = TimeSpan.FromMinutes(3), Kind = TimelineEntryKind.HealthFlip, Text = "hc-us turned unhealthy" },
            Probe("hc-us", "us-east-1", "api.us-east-1.example.test at nothing (resolution failed)"),
        };

        Assert.Equal(
            [
                "hc-us checkers at 3 locations probe api.us-east-1.example.test at 127.0.1.1 (us-east-1)",
                "hc-eu checkers at us-east-1 probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1)",
                "hc-us turned unhealthy",
                "hc-us checkers at us-east-1 probe api.us-east-1.example.test at nothing (resolution failed)",
            ],
            RunSummary.TimelineLines(timeline).Select(l => l.Text));
    }
}
