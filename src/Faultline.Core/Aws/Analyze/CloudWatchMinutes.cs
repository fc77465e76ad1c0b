using Faultline.Core.Load;
using Faultline.Core.Runs;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// What CloudWatch would show of a local run: the run's per-second traffic and health events turned into the 1-minute
/// datapoints of the queries <c>faultline analyze</c> reads a real run from (<see cref="MetricQueries"/>), so a report
/// can put the blog's CloudWatch dashboard next to the per-second view, and a real run read back by <c>analyze</c>
/// gives back its own datapoints.
/// </summary>
/// <remarks>
/// <para><b>Periods</b> are 60 s and aligned to the minute boundaries of the (lab) timestamps, UTC, as CloudWatch
/// aligns a 1-minute query (its start time is rounded down to the whole minute) and as <c>analyze</c> reads them; each
/// datapoint is stamped with the start of its period. A run that starts at 10:00:40 has a first datapoint at 10:00:00
/// that covers 20 s of the run. Sources:
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html (StartTime: "Round down to
/// the nearest whole minute") and
/// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricStatistics.html ("CloudWatch
/// aggregates all data points with time stamps that fall within each … period").</para>
/// <para><b>Counters</b> (<c>status_2xx</c>, <c>region_{region}</c>, …) are the <c>Sum</c> of the client's seconds whose
/// start falls in the period: what the load generator publishes once per second, added up. A period with no second of
/// the client has no datapoint (CloudWatch returns none for a period nothing was published in); a period the run only
/// partly covers (the first, the last, the one still going) sums the seconds it has.</para>
/// <para><b>HealthCheckStatus</b> (<c>AWS/Route53</c>, dimension <c>HealthCheckId</c>, 1 healthy, 0 unhealthy) is the
/// <c>Minimum</c> over the part of the period the run covers: 0 when the check was unhealthy at any moment of it, so a
/// flip to unhealthy at 10:03:59 makes the 10:03 datapoint 0. Sources:
/// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/monitoring-health-checks.html (1 healthy, 0 unhealthy,
/// one-minute intervals) and https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
/// (Minimum: the lowest value observed during the period; Sum: all values added together).</para>
/// </remarks>
public static class CloudWatchMinutes
{
    /// <summary>The start of the 1-minute period <paramref name="at"/> falls in: the UTC minute, seconds dropped.</summary>
    public static DateTimeOffset PeriodStart(DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>
    /// One series per query, in the queries' order (same <see cref="MetricDataSeries.Id"/> and label, no location):
    /// the datapoints of every period that starts before <paramref name="until"/>.
    /// </summary>
    /// <param name="queries">What to compute, usually <see cref="MetricQueries.For"/> of the run's experiment and topology.</param>
    /// <param name="phases">The run's phases: health datapoints start with the period of <see cref="PhaseTimes.RunStart"/>.</param>
    /// <param name="events">The run's events (the <see cref="HealthChanged"/> ones are read), in any order.</param>
    /// <param name="traffic">Every population's seconds; a population is the client of the same name.</param>
    /// <param name="initialHealth">Each health check's status before its first event; a check not listed starts healthy.</param>
    /// <param name="until">
    /// The end of what is known (exclusive): the run's end for a finished run (its last period is then partial), or the
    /// current period's start for a live view that shows complete minutes only.
    /// </param>
    public static IReadOnlyList<MetricDataSeries> Datapoints(
        IReadOnlyList<MetricQuery> queries,
        PhaseTimes phases,
        IReadOnlyList<RunEvent> events,
        IReadOnlyList<LoadSecond> traffic,
        IReadOnlyDictionary<string, bool> initialHealth,
        DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(traffic);
        ArgumentNullException.ThrowIfNull(initialHealth);
        var byClient = traffic
            .Where(s => s.Start < until)
            .GroupBy(s => s.Population, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(s => PeriodStart(s.Start)).OrderBy(p => p.Key).ToList(), StringComparer.Ordinal);
        var flips = events.OfType<HealthChanged>().OrderBy(e => e.At).ToList();
        return queries.Select(q => new MetricDataSeries
        {
            Id = q.Id,
            Label = q.Label,
            Points = q.Kind == MetricQueryKind.HealthCheckStatus
                ? Health(q.HealthCheck!, flips, initialHealth.GetValueOrDefault(q.HealthCheck!, true), phases.RunStart, until)
                : Counter(q, byClient.GetValueOrDefault(q.Client ?? string.Empty) ?? []),
        }).ToList();
    }

    private static List<(DateTimeOffset At, double Value)> Counter(MetricQuery query, List<IGrouping<DateTimeOffset, LoadSecond>> periods) =>
        periods.Select(p => (p.Key, (double)p.Sum(s => Count(query, s.Stats)))).ToList();

    /// <summary>The count a counter query (not HealthCheckStatus) reads from one second's stats; shared with the run export.</summary>
    internal static long Count(MetricQuery query, LoadStats stats) => query.Kind switch
    {
        MetricQueryKind.Status2xx => stats.Status2xx,
        MetricQueryKind.Status3xx => stats.Status3xx,
        MetricQueryKind.Status4xx => stats.Status4xx,
        MetricQueryKind.Status5xx => stats.Status5xx,
        MetricQueryKind.ErrorsConnect => stats.ConnectErrors,
        MetricQueryKind.ErrorsDns => stats.DnsErrors,
        MetricQueryKind.ErrorsTimeout => stats.Timeouts,
        MetricQueryKind.ErrorsOther => stats.OtherErrors,
        MetricQueryKind.RequestsDropped => stats.DroppedSends,
        MetricQueryKind.Region => stats.RegionCount(query.ServedRegion!),
        _ => 0,
    };

    // The status is a step function of the check's flips; the datapoint is its minimum over [from, to), the part of
    // the period inside the run: the status when that part starts, and every flip inside it.
    private static List<(DateTimeOffset At, double Value)> Health(string check, List<HealthChanged> flips, bool initial, DateTimeOffset runStart, DateTimeOffset until)
    {
        var own = flips.Where(f => string.Equals(f.HealthCheck, check, StringComparison.Ordinal)).ToList();
        var points = new List<(DateTimeOffset At, double Value)>();
        for (var period = PeriodStart(runStart); period < until; period += AwsMetricConventions.Period)
        {
            var from = period > runStart ? period : runStart;
            var to = period + AwsMetricConventions.Period < until ? period + AwsMetricConventions.Period : until;
            if (from >= to)
            {
                // Known only up to before the run started: nothing of the run in this period.
                break;
            }

            var healthy = own.LastOrDefault(f => f.At <= from)?.Healthy ?? initial;
            healthy &= own.All(f => f.At <= from || f.At >= to || f.Healthy);
            points.Add((period, healthy ? 1 : 0));
        }

        return points;
    }
}
