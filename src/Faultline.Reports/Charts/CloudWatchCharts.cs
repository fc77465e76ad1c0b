using Faultline.Core.Aws.Analyze;
using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Load;
using Faultline.Core.Runs;

namespace Faultline.Reports.Charts;

/// <summary>
/// "What CloudWatch would show": the blog dashboard's widgets as CloudWatch draws them, 1-minute datapoints computed by
/// <see cref="CloudWatchMinutes"/> — Route 53's <c>HealthCheckStatus</c> (Minimum) per check, <c>region_{region}</c>
/// and <c>status_2xx/4xx/5xx</c> (Sum, every client added together) — on the per-second charts' x axis (seconds since
/// the run's start, each point at its period's start, so the first may be before 0).
/// </summary>
public static class CloudWatchCharts
{
    /// <summary>The period of every datapoint, in seconds: 60.</summary>
    public const double PeriodSeconds = 60;

    /// <summary>
    /// The charts (health, regions, status), or none when the run's experiment or topology is unknown or its clients
    /// cannot be told apart in CloudWatch (two clients of one location calling one URL publish the same metrics).
    /// </summary>
    /// <param name="experiment">The run's experiment (its populations name the clients), or <c>null</c>.</param>
    /// <param name="topology">The run's topology (regions, health checks), or <c>null</c>.</param>
    /// <param name="phases">The run's phases (x is seconds since <see cref="PhaseTimes.RunStart"/>).</param>
    /// <param name="events">The run's events.</param>
    /// <param name="traffic">Every population's seconds.</param>
    /// <param name="until">What is known ends here (exclusive): the run's end, or the current minute's start when live.</param>
    public static IReadOnlyList<ReportChart> Build(Experiment? experiment, Core.Topology.Topology? topology, PhaseTimes phases, IReadOnlyList<RunEvent> events, IReadOnlyList<LoadSecond> traffic, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(traffic);
        if (experiment is null || topology is null)
        {
            return [];
        }

        IReadOnlyList<MetricQuery> queries;
        try
        {
            queries = MetricQueries.For(experiment, topology);
        }
        catch (InvalidInputException)
        {
            return [];
        }

        var initial = topology.HealthChecks.ToDictionary(h => h.Id, h => !h.Inverted, StringComparer.Ordinal);
        var series = CloudWatchMinutes.Datapoints(queries, phases, events, traffic, initial, until);
        var pairs = queries.Zip(series).ToList();
        var periods = series.SelectMany(s => s.Points.Select(p => p.At)).Distinct().Order().ToList();
        var seconds = periods.Select(p => (p - phases.RunStart).TotalSeconds).ToList();

        // Series of several clients are added up per period (a SUM() of the per-client metrics); a period none of them
        // has a datapoint for stays empty, as on a CloudWatch graph.
        ChartSeries Line(string label, IEnumerable<MetricDataSeries> parts)
        {
            var points = parts.SelectMany(s => s.Points).GroupBy(p => p.At).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
            return new ChartSeries(label, periods.Select(p => points.TryGetValue(p, out var v) ? (double?)v : null).ToList());
        }

        IEnumerable<MetricDataSeries> Of(Func<MetricQuery, bool> pick) => pairs.Where(p => pick(p.First)).Select(p => p.Second);

        // The same colours and words as the per-second charts: a region, a status class reads the same in both.
        var colors = new SeriesColors(topology);
        var health = topology.HealthChecks
            .Select(h => Line(h.Id, Of(q => q.Kind == MetricQueryKind.HealthCheckStatus && string.Equals(q.HealthCheck, h.Id, StringComparison.Ordinal))) with { Legend = $"{h.Id}{colors.Guards(h.Id)}", Color = colors.HealthCheck(h.Id) })
            .ToList();
        var regions = topology.Regions
            .Select(r => Line(AwsMetricConventions.RegionPrefix + r.Name, Of(q => q.Kind == MetricQueryKind.Region && string.Equals(q.ServedRegion, r.Name, StringComparison.Ordinal))) with { Legend = $"requests served by {r.Name}", Color = ChartColors.Region(r.Name) })
            .ToList();
        var statuses = new[]
            {
                (MetricQueryKind.Status2xx, AwsMetricConventions.Status2xx, "2xx responses", ChartColors.Status2xx),
                (MetricQueryKind.Status4xx, AwsMetricConventions.Status4xx, "4xx responses", ChartColors.Status4xx),
                (MetricQueryKind.Status5xx, AwsMetricConventions.Status5xx, "5xx responses", ChartColors.Status5xx),
            }
            .Select(k => Line(k.Item2, Of(q => q.Kind == k.Item1)) with { Legend = k.Item3, Color = k.Item4 })
            .ToList();
        return
        [
            new ReportChart { Id = "cloudwatch-health", Title = "HealthCheckStatus (AWS/Route53, by HealthCheckId): Minimum per 60 s period, 1 healthy, 0 unhealthy", Unit = "status", Seconds = seconds, Series = health, Stepped = true, PeriodSeconds = PeriodSeconds },
            new ReportChart { Id = "cloudwatch-regions", Title = "region_{region} (Faultline namespace): Sum per 60 s period, every client added", Unit = "responses/min", Seconds = seconds, Series = regions, Stepped = true, PeriodSeconds = PeriodSeconds },
            new ReportChart { Id = "cloudwatch-status", Title = "status_2xx, status_4xx, status_5xx (Faultline namespace): Sum per 60 s period, every client added", Unit = "requests/min", Seconds = seconds, Series = statuses, Stepped = true, PeriodSeconds = PeriodSeconds },
        ];
    }

    /// <summary>The end of what a finished (or killed) run knows: its end, else its last second's or event's end.</summary>
    public static DateTimeOffset End(PhaseTimes phases, IReadOnlyList<RunEvent> events, IReadOnlyList<LoadSecond> traffic)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(traffic);
        if (phases.RunEnd is { } end)
        {
            return end;
        }

        var last = phases.RunStart;
        foreach (var at in traffic.Select(s => s.Start.AddSeconds(1)).Concat(events.Select(e => e.At)))
        {
            last = at > last ? at : last;
        }

        return last;
    }
}
