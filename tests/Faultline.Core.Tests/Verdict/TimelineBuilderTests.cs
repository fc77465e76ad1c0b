using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Verdict;

public sealed class TimelineBuilderTests
{
    private static string Line(TimelineEntry e) => $"+{e.Offset:mm\\:ss} {e.Kind}: {e.Text}";

    [Fact]
    public void Build_MisconfiguredSeedRun_ListsPhasesFaultsAndErrorsInTimeOrder()
    {
        var timeline = TimelineBuilder.Build(SeedRuns.Misconfigured().Build());

        Assert.Equal(
            [
                "+00:00 Phase: baseline started (load on)",
                "+00:00 RunState: run running",
                "+00:00 HealthProbeTarget: hc-eu checkers at us-east-1 probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1)",
                "+00:00 DnsAnswer: us-east-1 now gets us-east-1 (127.0.1.1) for api.example.test",
                "+00:00 DnsAnswer: eu-west-1 now gets eu-west-1 (127.0.2.1) for api.example.test",
                "+00:00 HealthProbeTarget: hc-us checkers at us-east-1 probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1)",
                "+00:00 HealthProbeTarget: hc-us checkers at eu-west-1 probe api.eu-west-1.example.test at 127.0.2.1 (eu-west-1)",
                "+02:00 Phase: fault phase started",
                "+02:00 FaultStart: fault f-1 applied: latency on us-east-1/health, us-east-1/hello (action inject-latency)",
                "+02:00 FirstError: us-customers: first errors (20×5xx)",
                "+11:59 LastError: us-customers: last errors (20×5xx)",
                "+12:00 Phase: fault phase ended; recovery started",
                "+12:00 FaultEnd: fault f-1 reverted (completed)",
                "+15:00 RunState: run completed",
                "+15:00 Phase: run ended (load off)",
            ],
            timeline.Select(Line));
    }

    [Fact]
    public void Build_CorrectSeedRun_ListsHealthFlipsAndDnsChanges()
    {
        var timeline = TimelineBuilder.Build(SeedRuns.Correct().Build());

        var moves = timeline.Where(e => e.Kind is TimelineEntryKind.HealthFlip || (e.Kind is TimelineEntryKind.DnsAnswer && e.Offset > TimeSpan.Zero)).Select(Line);
        Assert.Equal(
            [
                "+03:28 HealthFlip: hc-us turned unhealthy (0% of checkers see it healthy)",
                "+03:28 DnsAnswer: us-east-1 now gets eu-west-1 (127.0.2.1) for api.example.test",
                "+12:30 HealthFlip: hc-us turned healthy (100% of checkers see it healthy)",
                "+12:30 DnsAnswer: us-east-1 now gets us-east-1 (127.0.1.1) for api.example.test",
            ],
            moves);
        Assert.Equal("us-customers", timeline.Single(e => e.Kind == TimelineEntryKind.LastError).Subject);
        Assert.Equal(TimeSpan.FromSeconds(267), timeline.Single(e => e.Kind == TimelineEntryKind.LastError).Offset);
    }

    [Fact]
    public void Build_StopConditionAndFailedAction_AreListed()
    {
        var run = new SomeRun()
            .Event(new ActionStateChanged { At = SomeRun.At(TimeSpan.FromMinutes(2)), Action = "inject", State = ActionState.Running })
            .Event(new ActionStateChanged { At = SomeRun.At(TimeSpan.FromMinutes(2)), Action = "other", State = ActionState.Failed, Detail = "no target" })
            .Event(new StopConditionFired { At = SomeRun.At(TimeSpan.FromMinutes(3)), Name = "global outage", Measured = 10, Threshold = "< 50%", Lasted = TimeSpan.FromMinutes(1) })
            .Build();

        var lines = TimelineBuilder.Build(run).Select(Line).ToList();

        Assert.Contains("+02:00 Action: action other failed: no target", lines);
        Assert.DoesNotContain(lines, l => l.Contains("inject", StringComparison.Ordinal));
        Assert.Contains("+03:00 StopCondition: stop condition 'global outage' fired: 10 (< 50%) for 1m", lines);
    }
}
