using Faultline.Core.Aws.Analyze;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Aws.Analyze;

/// <summary>The seed's queries computed from per-second traffic and health flips, as CloudWatch would aggregate them.</summary>
public sealed class CloudWatchMinutesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Datapoints_HealthFlipsMidMinute_MinimumIsZeroForEveryMinuteItWasUnhealthyIn()
    {
        // Unhealthy 10:02:30 .. 10:04:10: the 10:02, 10:03 and 10:04 periods each saw a 0.
        var events = Flips(("hc-us", 150, false), ("hc-us", 250, true));

        var points = Series("hc-us HealthCheckStatus", events, [], until: T0.AddMinutes(6));

        Assert.Equal([1d, 1, 0, 0, 0, 1], points.Select(p => p.Value));
        Assert.Equal(Enumerable.Range(0, 6).Select(m => T0.AddMinutes(m)), points.Select(p => p.At));
    }

    [Fact]
    public void Datapoints_UnhealthyForTenSecondsInsideOneMinute_OnlyThatMinuteIsZero()
    {
        var events = Flips(("hc-us", 70, false), ("hc-us", 80, true));

        var points = Series("hc-us HealthCheckStatus", events, [], until: T0.AddMinutes(3));

        Assert.Equal([1d, 0, 1], points.Select(p => p.Value));
    }

    [Fact]
    public void Datapoints_CheckStartingUnhealthy_IsZeroUntilItsFirstFlip()
    {
        var events = Flips(("hc-us", 90, true));

        var points = Series("hc-us HealthCheckStatus", events, [], until: T0.AddMinutes(3), initialHealth: new Dictionary<string, bool> { ["hc-us"] = false });

        Assert.Equal([0d, 0, 1], points.Select(p => p.Value));
    }

    [Fact]
    public void Datapoints_Counters_SumTheSecondsOfEachMinuteAndThePartialLastOne()
    {
        // 150 s of 20 responses/s from us-east-1, 2 of them 5xx: 60 + 60 + 30 seconds.
        var traffic = Seconds("us-customers", T0, 150, SomeTraffic.Stats(ok: 18, status5xx: 2, region: "us-east-1"));

        var ok = Series("us-customers status_2xx", [], traffic, until: T0.AddSeconds(150));
        var errors = Series("us-customers status_5xx", [], traffic, until: T0.AddSeconds(150));
        var us = Series("us-customers region_us-east-1", [], traffic, until: T0.AddSeconds(150));
        var eu = Series("us-customers region_eu-west-1", [], traffic, until: T0.AddSeconds(150));
        var health = Series("hc-us HealthCheckStatus", [], traffic, until: T0.AddSeconds(150));

        Assert.Equal([1080d, 1080, 540], ok.Select(p => p.Value));
        Assert.Equal([120d, 120, 60], errors.Select(p => p.Value));
        Assert.Equal([1200d, 1200, 600], us.Select(p => p.Value));
        Assert.Equal([0d, 0, 0], eu.Select(p => p.Value));
        Assert.Equal(3, health.Count);
    }

    [Fact]
    public void Datapoints_RunStartingMidMinute_AlignsPeriodsToTheUtcMinute()
    {
        var start = T0.AddSeconds(40);
        var traffic = Seconds("eu-customers", start, 100, SomeTraffic.Stats(ok: 10, region: "eu-west-1"));

        var ok = Series("eu-customers status_2xx", [], traffic, until: start.AddSeconds(100), runStart: start);
        var health = Series("hc-eu HealthCheckStatus", Flips(("hc-eu", 90, false)), traffic, until: start.AddSeconds(100), runStart: start);

        // 10:00:40 .. 10:02:20: 20 s in the 10:00 period, 60 in 10:01, 20 in 10:02; hc-eu flipped at 10:01:30.
        Assert.Equal([(T0, 200d), (T0.AddMinutes(1), 600d), (T0.AddMinutes(2), 200d)], ok);
        Assert.Equal([(T0, 1d), (T0.AddMinutes(1), 0d), (T0.AddMinutes(2), 0d)], health);
    }

    [Fact]
    public void Datapoints_UntilTheCurrentMinute_LeavesTheMinuteStillGoingOut()
    {
        var traffic = Seconds("us-customers", T0, 150, SomeTraffic.Stats(ok: 1, region: "us-east-1"));

        var ok = Series("us-customers status_2xx", [], traffic, until: CloudWatchMinutes.PeriodStart(T0.AddSeconds(150)));
        var health = Series("hc-us HealthCheckStatus", Flips(("hc-us", 130, false)), traffic, until: CloudWatchMinutes.PeriodStart(T0.AddSeconds(150)));

        Assert.Equal([60d, 60], ok.Select(p => p.Value));
        Assert.Equal([1d, 1], health.Select(p => p.Value));
    }

    [Fact]
    public void Datapoints_OfARealRunReadByAnalyze_GiveBackItsDatapoints()
    {
        // analyze spreads each datapoint over its minute and places flips inside it; aggregating that again must give
        // back what CloudWatch returned, for every minute the run covers.
        var (experiment, topology) = Seed();
        var queries = MetricQueries.For(experiment, topology);
        var series = queries.Select(q => new MetricDataSeries
        {
            Id = q.Id,
            Location = new SourceLocation("m.json", 1, 1),
            Points = Enumerable.Range(0, 17).Select(m => (T0.AddMinutes(m), RealValue(q, m))).ToList(),
        }).ToList();
        var data = AwsRunConverter.Convert(experiment, topology, Fis(), series);
        var o = data.Observations;

        var computed = CloudWatchMinutes.Datapoints(queries, o.Phases, o.Events, o.Traffic, new Dictionary<string, bool>(), o.Phases.RunEnd!.Value);

        var start = o.Phases.RunStart;
        var end = o.Phases.RunEnd!.Value;
        foreach (var (expected, actual) in series.Zip(computed))
        {
            Assert.Equal(expected.Id, actual.Id);
            var whole = expected.Points.Where(p => p.At >= start && p.At + TimeSpan.FromMinutes(1) <= end).ToList();
            Assert.NotEmpty(whole);
            Assert.Equal(whole, actual.Points.Where(p => p.At + TimeSpan.FromMinutes(1) <= end).ToList());
        }
    }

    private static double RealValue(MetricQuery q, int minute)
    {
        var failing = q.Client == "us-customers" && minute is 2 or 3;
        var eu = q.Client != "us-customers" || minute >= 4;
        return q.Kind switch
        {
            MetricQueryKind.HealthCheckStatus => q.HealthCheck == "hc-us" && minute is >= 3 and <= 11 ? 0 : 1,
            MetricQueryKind.Status2xx => failing ? 0 : 1200,
            MetricQueryKind.Status5xx => failing ? 1200 : 0,
            MetricQueryKind.Region when q.ServedRegion == "eu-west-1" => eu && !failing ? 1200 : 0,
            MetricQueryKind.Region => eu || failing ? 0 : 1200,
            _ => 0,
        };
    }

    private static FisExperimentRun Fis() => new()
    {
        Id = "EXP1",
        Status = "completed",
        StartTime = T0.AddMinutes(2),
        EndTime = T0.AddMinutes(12),
        Location = new SourceLocation("run.json", 2, 5),
        Actions =
        [
            new FisActionRun
            {
                Name = "inject-latency",
                ActionId = "aws:lambda:invocation-add-delay",
                State = ActionState.Completed,
                StartTime = T0.AddMinutes(2),
                EndTime = T0.AddMinutes(12),
                Location = new SourceLocation("run.json", 6, 9),
            },
        ],
    };

    private static List<(DateTimeOffset At, double Value)> Series(
        string label,
        IReadOnlyList<RunEvent> events,
        IReadOnlyList<LoadSecond> traffic,
        DateTimeOffset until,
        DateTimeOffset? runStart = null,
        IReadOnlyDictionary<string, bool>? initialHealth = null)
    {
        var (experiment, topology) = Seed();
        var queries = MetricQueries.For(experiment, topology);
        var phases = new PhaseTimes { RunStart = runStart ?? T0 };
        var all = CloudWatchMinutes.Datapoints(queries, phases, events, traffic, initialHealth ?? new Dictionary<string, bool>(), until);
        return [.. all.Single(s => s.Label == label).Points];
    }

    private static List<RunEvent> Flips(params (string Check, int Second, bool Healthy)[] flips) =>
        [.. flips.Select(f => new HealthChanged { At = T0.AddSeconds(f.Second), HealthCheck = f.Check, Healthy = f.Healthy })];

    private static List<LoadSecond> Seconds(string population, DateTimeOffset start, int count, LoadStats stats) =>
        [.. Enumerable.Range(0, count).Select(i => SomeTraffic.Second(population, start.AddSeconds(i), stats, i))];

    private static (Experiment, Faultline.Core.Topology.Topology) Seed()
    {
        var read = ExperimentReader.Load(RepoPaths.Combine("samples", "seed", "experiment.yaml"));
        return (read.Experiment!, read.Topology!);
    }
}
