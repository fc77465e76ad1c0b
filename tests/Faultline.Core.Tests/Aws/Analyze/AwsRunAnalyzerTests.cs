using Faultline.Core.Aws.Analyze;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Aws.Analyze;

/// <summary>
/// The seed judged from hand-made 1-minute datapoints: 20 requests/s per client; us customers fail in the minutes
/// given and are served by eu-west-1 from the minute given; hc-us is unhealthy in the minutes given.
/// </summary>
public sealed class AwsRunAnalyzerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Decide_AlignedFailover_Holds()
    {
        var verdict = Decide(faultOffset: TimeSpan.Zero, failingMinutes: [2, 3], euFromMinute: 4, unhealthyMinutes: [3, 4, 5, 6, 7, 8, 9, 10, 11]);

        Assert.Equal(VerdictKind.Held, verdict.Kind);
    }

    [Fact]
    public void Decide_HealthFlipInTheMinuteOfTheDeadline_IsUndecidedNotPassed()
    {
        // Fault at 10:02, deadline 10:05; Minimum 0 first in the 10:05 minute: the flip was between 10:05 and 10:06.
        var verdict = Decide(faultOffset: TimeSpan.Zero, failingMinutes: [2, 3], euFromMinute: 4, unhealthyMinutes: [5, 6, 7, 8, 9, 10, 11]);

        var check = verdict.Checks.Single(c => c.Name == "us health check turns unhealthy");
        Assert.Null(check.Passed);
        Assert.EndsWith(AnalyzeTexts.TransitionInsideMinute(), check.Explanation, StringComparison.Ordinal);
        Assert.Equal(VerdictKind.Inconclusive, verdict.Kind);
    }

    [Fact]
    public void Decide_HealthFlipAfterTheDeadlineMinute_Fails()
    {
        var verdict = Decide(faultOffset: TimeSpan.Zero, failingMinutes: [2, 3], euFromMinute: 4, unhealthyMinutes: [6, 7, 8, 9, 10, 11]);

        Assert.False(verdict.Checks.Single(c => c.Name == "us health check turns unhealthy").Passed);
    }

    [Fact]
    public void Decide_WindowCutsAMinuteWithFailures_IsUndecided()
    {
        // Fault at 10:02:30, so the seed's 'fault.start + 4m' is 10:06:30, inside the 10:06 minute, half of which failed:
        // whether those 600 failures fell before 10:06:30 or after decides the check (0 or 600 of 7,200 in the window).
        var verdict = Decide(faultOffset: TimeSpan.FromSeconds(30), failingMinutes: [2, 3, 4, 5], euFromMinute: 6, unhealthyMinutes: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12], halfFailingMinute: 6);

        var check = verdict.Checks.Single(c => c.Name == "us customers served after failover");
        Assert.Null(check.Passed);
        Assert.Contains("10:06:30 to 2026-12-01 10:12:30 UTC", check.Explanation, StringComparison.Ordinal);
        Assert.EndsWith(AnalyzeTexts.WindowCutsMinute(T0.AddSeconds(390), T0.AddSeconds(750)), check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WindowCutsAMinuteWithoutFailures_Passes()
    {
        var verdict = Decide(faultOffset: TimeSpan.FromSeconds(30), failingMinutes: [2, 3], euFromMinute: 4, unhealthyMinutes: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);

        Assert.True(verdict.Checks.Single(c => c.Name == "us customers served after failover").Passed);
    }

    [Fact]
    public void Decide_TrafficWindowShorterThanAMinute_IsUndecided()
    {
        var (experiment, topology) = Seed();
        var shortWindow = experiment.Hypothesis.Checks.OfType<TrafficCheck>().First(c => c.Name == "eu customers unaffected") with
        {
            Window = new CheckWindow(new PhaseEdge(Phase.Fault, PhaseEdgeKind.Start, TimeSpan.Zero), new PhaseEdge(Phase.Fault, PhaseEdgeKind.Start, TimeSpan.FromSeconds(30))),
        };
        experiment = experiment with { Hypothesis = experiment.Hypothesis with { Checks = [shortWindow] } };
        var data = AwsRunConverter.Convert(experiment, topology, Fis(TimeSpan.Zero), Series(experiment, topology, [2, 3], 4, [3, 4, 5]));

        var check = Assert.Single(AwsRunAnalyzer.Evaluate(data));

        Assert.Null(check.Passed);
        Assert.EndsWith(AnalyzeTexts.WindowTooShort("30s"), check.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_SeriesMissing_ListsEachWithItsQuery()
    {
        var (experiment, topology) = Seed();
        var all = Series(experiment, topology, [], 99, []);

        var e = Assert.Throws<InvalidInputException>(() => AwsRunConverter.Convert(experiment, topology, Fis(TimeSpan.Zero), all.Where(s => s.Id != "hc_hc_us" && s.Id != "s5xx_eu_customers").ToList()));

        var message = Assert.Single(e.Diagnostics).Message;
        Assert.StartsWith("the metrics files lack 2 series the analysis needs: s5xx_eu_customers (Faultline status_5xx SiteName=https://api.example.test/api/hello, Sum, in eu-west-1); hc_hc_us (AWS/Route53 HealthCheckStatus HealthCheckId=HEALTH_CHECK_ID_OF_hc-us, Minimum, in us-east-1)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queries_TwoClientsOfOneLocationAndUrl_AreAnErrorNamingBoth()
    {
        var (experiment, topology) = Seed();
        topology = topology with { Clients = topology.Clients.Select(c => c with { Location = "us-east-1" }).ToList() };

        var e = Assert.Throws<InvalidInputException>(() => MetricQueries.For(experiment, topology));

        Assert.Equal(
            $"{AnalyzeErrors.ClientsIndistinct(["us-customers", "eu-customers"], "us-east-1", "https://api.example.test/api/hello")}; {AnalyzeErrors.ClientsIndistinctFix()}",
            Assert.Single(e.Diagnostics).ToString());
    }

    [Fact]
    public void Queries_LoadNamingNoPopulation_AskForEveryClientOfTheTopology()
    {
        var (experiment, topology) = Seed();
        var everyClient = experiment with { Load = experiment.Load with { Populations = [] } };

        var queries = MetricQueries.For(everyClient, topology);

        Assert.Equal(topology.Clients.Select(c => c.Name), queries.Where(q => q.Kind == MetricQueryKind.Status2xx).Select(q => q.Client));
        Assert.Equal(MetricQueries.For(experiment, topology).Select(q => q.Id), queries.Select(q => q.Id));
    }

    [Fact]
    public void Convert_ActionNotInTheFisExperiment_IsAnError()
    {
        var (experiment, topology) = Seed();
        var fis = Fis(TimeSpan.Zero) with { Actions = [] };

        var e = Assert.Throws<InvalidInputException>(() => AwsRunConverter.Convert(experiment, topology, fis, Series(experiment, topology, [], 99, [])));

        Assert.Equal($"run.json:2:5: {AnalyzeErrors.ActionsMissing(["inject-latency"], [])}; {AnalyzeErrors.ActionsMissingFix()}", Assert.Single(e.Diagnostics).ToString());
    }

    private static RunVerdict Decide(TimeSpan faultOffset, int[] failingMinutes, int euFromMinute, int[] unhealthyMinutes, int? halfFailingMinute = null)
    {
        var (experiment, topology) = Seed();
        var data = AwsRunConverter.Convert(experiment, topology, Fis(faultOffset), Series(experiment, topology, failingMinutes, euFromMinute, unhealthyMinutes, halfFailingMinute));
        return AwsRunAnalyzer.Decide(data);
    }

    private static (Experiment, Faultline.Core.Topology.Topology) Seed()
    {
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        return (read.Experiment!, read.Topology!);
    }

    private static FisExperimentRun Fis(TimeSpan offset) => new()
    {
        Id = "EXP1",
        Status = "completed",
        StartTime = T0 + TimeSpan.FromMinutes(2) + offset,
        EndTime = T0 + TimeSpan.FromMinutes(12) + offset,
        Location = new SourceLocation("run.json", 2, 5),
        Actions =
        [
            new FisActionRun
            {
                Name = "inject-latency",
                ActionId = "aws:lambda:invocation-add-delay",
                State = ActionState.Completed,
                StartTime = T0 + TimeSpan.FromMinutes(2) + offset,
                EndTime = T0 + TimeSpan.FromMinutes(12) + offset,
                Location = new SourceLocation("run.json", 6, 9),
            },
        ],
    };

    private static List<MetricDataSeries> Series(Experiment experiment, Faultline.Core.Topology.Topology topology, int[] failingMinutes, int euFromMinute, int[] unhealthyMinutes, int? halfFailingMinute = null)
    {
        var minutes = Enumerable.Range(0, 17).ToList();
        return MetricQueries.For(experiment, topology).Select(q => new MetricDataSeries
        {
            Id = q.Id,
            Location = new SourceLocation("m.json", 1, 1),
            Points = minutes.Select(m => (T0 + TimeSpan.FromMinutes(m), Value(q, m))).ToList(),
        }).ToList();

        double Value(MetricQuery q, int m)
        {
            var us = q.Client == "us-customers";
            var failing = us && failingMinutes.Contains(m);
            var half = us && m == halfFailingMinute;
            var eu = !us || m >= euFromMinute;
            return q.Kind switch
            {
                MetricQueryKind.HealthCheckStatus => q.HealthCheck == "hc-us" && unhealthyMinutes.Contains(m) ? 0 : 1,
                MetricQueryKind.Status2xx => failing ? 0 : half ? 600 : 1200,
                MetricQueryKind.Status5xx => failing ? 1200 : half ? 600 : 0,
                MetricQueryKind.Region when q.ServedRegion == "eu-west-1" => eu ? 1200 : 0,
                MetricQueryKind.Region => eu ? 0 : 1200,
                _ => 0,
            };
        }
    }
}
