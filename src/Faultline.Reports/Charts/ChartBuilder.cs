using Faultline.Core.Experiments;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;

namespace Faultline.Reports.Charts;

/// <summary>
/// Builds the seed dashboard's charts from a run's seconds and events: health per check, the share of checkers that
/// see each check healthy, requests per serving region (<c>region_*</c>), status classes, success rate and latency per
/// population and DNS answers per location — plus the markers. Colours follow <see cref="ChartColors"/>; thresholds of
/// checks and stop conditions that map to a chart are drawn on it as dashed series.
/// </summary>
public static class ChartBuilder
{
    /// <summary>The charts, in display order.</summary>
    /// <param name="phases">The run's phases (the x axis starts at <see cref="PhaseTimes.RunStart"/>).</param>
    /// <param name="events">The run's events, in time order.</param>
    /// <param name="traffic">Per-second traffic of every population.</param>
    /// <param name="topology">The run's topology (health checks that never flipped still get a line; regions of checks and clients give colours), or <c>null</c>.</param>
    /// <param name="experiment">The run's experiment (its checks and stop conditions give threshold lines), or <c>null</c>.</param>
    public static IReadOnlyList<ReportChart> Build(PhaseTimes phases, IReadOnlyList<RunEvent> events, IReadOnlyList<LoadSecond> traffic, Core.Topology.Topology? topology, Experiment? experiment)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(traffic);
        var start = phases.RunStart;
        var length = Length(phases, events, traffic);
        var seconds = Enumerable.Range(0, length + 1).Select(s => (double)s).ToList();
        var bySecond = traffic
            .GroupBy(s => Second(start, s.Start))
            .Where(g => g.Key >= 0 && g.Key <= length)
            .ToDictionary(g => g.Key, g => g.ToList());
        var healthChecks = topology?.HealthChecks.Select(h => h.Id).ToList() ?? [];
        var thresholds = new ChartThresholds(experiment, phases, seconds);
        var colors = new SeriesColors(topology);
        return
        [
            Health(seconds, start, events, healthChecks, colors),
            Checkers(seconds, start, events, healthChecks, colors),
            Regions(seconds, bySecond, traffic),
            Statuses(seconds, bySecond),
            Success(seconds, traffic, start, colors, thresholds),
            Latency(seconds, traffic, start, colors, thresholds),
            Dns(seconds, start, events),
        ];
    }

    /// <summary>The vertical markers: fault start and end, health flips and DNS answer changes (failover), stop conditions.</summary>
    public static IReadOnlyList<ChartMarker> Markers(PhaseTimes phases, IReadOnlyList<RunEvent> events)
    {
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(events);
        var start = phases.RunStart;
        var markers = new List<ChartMarker>();
        var seenAnswer = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            var at = Math.Max(0, (e.At - start).TotalSeconds);
            switch (e)
            {
                case FaultAppliedEvent fault:
                    markers.Add(new ChartMarker(at, TimelineEntryKind.FaultStart, $"fault {fault.FaultId} start"));
                    break;
                case FaultRevertedEvent revert:
                    markers.Add(new ChartMarker(at, TimelineEntryKind.FaultEnd, $"fault {revert.FaultId} end"));
                    break;
                case HealthChanged health:
                    markers.Add(new ChartMarker(at, TimelineEntryKind.HealthFlip, $"{health.HealthCheck} {(health.Healthy ? "healthy" : "unhealthy")}"));
                    break;

                // The first answer a location gets is where it starts, not a failover.
                case DnsAnswerChanged dns when !seenAnswer.Add($"{dns.Location}\n{dns.Name}"):
                    markers.Add(new ChartMarker(at, TimelineEntryKind.DnsAnswer, $"{dns.Location} → {Answer(dns)}"));
                    break;
                case StopConditionFired stop:
                    markers.Add(new ChartMarker(at, TimelineEntryKind.StopCondition, $"stop: {stop.Name}"));
                    break;
                default:
                    break;
            }
        }

        return markers;
    }

    private static int Length(PhaseTimes phases, IReadOnlyList<RunEvent> events, IReadOnlyList<LoadSecond> traffic)
    {
        var end = phases.RunStart;
        if (phases.RunEnd is { } runEnd && runEnd > end)
        {
            end = runEnd;
        }

        if (traffic.Count > 0)
        {
            var last = traffic.Max(s => s.Start).AddSeconds(1);
            end = last > end ? last : end;
        }

        if (events.Count > 0 && events[^1].At > end)
        {
            end = events[^1].At;
        }

        return (int)Math.Ceiling((end - phases.RunStart).TotalSeconds);
    }

    private static int Second(DateTimeOffset start, DateTimeOffset at) => (int)Math.Floor((at - start).TotalSeconds);

    private static ReportChart Health(List<double> seconds, DateTimeOffset start, IReadOnlyList<RunEvent> events, IReadOnlyList<string> healthChecks, SeriesColors colors)
    {
        var flips = events.OfType<HealthChanged>().ToList();
        var ids = healthChecks.Concat(flips.Select(f => f.HealthCheck)).Distinct(StringComparer.Ordinal).ToList();
        var series = ids.Select(id =>
        {
            var own = flips.Where(f => string.Equals(f.HealthCheck, id, StringComparison.Ordinal)).ToList();

            // A health check starts healthy; each second shows the state at its end.
            var values = seconds.Select(s => (double?)((own.LastOrDefault(f => (f.At - start).TotalSeconds <= s)?.Healthy ?? true) ? 1 : 0)).ToList();
            return new ChartSeries(id, values) { Legend = $"{id}{colors.Guards(id)}", Color = colors.HealthCheck(id) };
        }).ToList();
        return new ReportChart { Id = "health", Title = "Health check status (1 healthy, 0 unhealthy)", Unit = "status", Seconds = seconds, Series = series, Stepped = true };
    }

    // Every checker starts seeing its check healthy; the share moves with each checker's flip (journals written before
    // share events were recorded have it only at the check's own flips).
    private static ReportChart Checkers(List<double> seconds, DateTimeOffset start, IReadOnlyList<RunEvent> events, IReadOnlyList<string> healthChecks, SeriesColors colors)
    {
        var samples = events
            .Select(e => e switch
            {
                HealthShareChanged share => (share.At, Check: share.HealthCheck, Percentage: share.PercentageHealthy),
                HealthChanged flip => (flip.At, Check: flip.HealthCheck, Percentage: flip.PercentageHealthy),
                _ => (At: default(DateTimeOffset), Check: (string?)null, Percentage: 0d),
            })
            .Where(s => s.Check is not null)
            .ToList();
        var ids = healthChecks.Concat(samples.Select(s => s.Check!)).Distinct(StringComparer.Ordinal).ToList();
        var series = ids.Select(id =>
        {
            // Samples come in lab-time order: one pass over them for all the seconds.
            var own = samples.Where(s => string.Equals(s.Check, id, StringComparison.Ordinal)).ToList();
            var values = new List<double?>(seconds.Count);
            var next = 0;
            var current = 100d;
            foreach (var second in seconds)
            {
                while (next < own.Count && (own[next].At - start).TotalSeconds <= second)
                {
                    current = own[next++].Percentage;
                }

                values.Add(current);
            }

            return new ChartSeries(id, values) { Legend = $"checkers that see {id} healthy", Color = colors.HealthCheck(id) };
        }).ToList();
        if (series.Count > 0)
        {
            series.Add(ChartThresholds.Route53(seconds));
        }

        return new ReportChart { Id = "checkers", Title = "Checkers that see each health check healthy (%)", Unit = "%", Seconds = seconds, Series = series, Stepped = true };
    }

    private static ReportChart Regions(List<double> seconds, Dictionary<int, List<LoadSecond>> bySecond, IReadOnlyList<LoadSecond> traffic)
    {
        var regions = traffic.SelectMany(s => s.Stats.Regions.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var series = regions.Select(region => new ChartSeries(
            $"region_{region}",
            seconds.Select(s => bySecond.TryGetValue((int)s, out var list) ? (double?)list.Sum(x => x.Stats.RegionCount(region)) : null).ToList())
        {
            Legend = $"requests served by {region}",
            Color = ChartColors.Region(region),
        }).ToList();
        return new ReportChart { Id = "regions", Title = "Requests per serving region", Unit = "responses/s", Seconds = seconds, Series = series };
    }

    private static ReportChart Statuses(List<double> seconds, Dictionary<int, List<LoadSecond>> bySecond)
    {
        ChartSeries Sum(string label, string legend, string color, Func<LoadStats, long> pick) => new(
            label,
            seconds.Select(s => bySecond.TryGetValue((int)s, out var list) ? (double?)list.Sum(x => pick(x.Stats)) : null).ToList())
        {
            Legend = legend,
            Color = color,
        };
        return new ReportChart
        {
            Id = "status",
            Title = "Status codes",
            Unit = "requests/s",
            Seconds = seconds,
            Series =
            [
                Sum("status_2xx", "2xx responses", ChartColors.Status2xx, s => s.Status2xx),
                Sum("status_4xx", "4xx responses", ChartColors.Status4xx, s => s.Status4xx),
                Sum("status_5xx", "5xx responses", ChartColors.Status5xx, s => s.Status5xx),
                Sum("errors", "errors and timeouts (no response; 3xx too)", ChartColors.Errors, s => s.Errors + s.Status3xx),
            ],
        };
    }

    // Each population's share of attempts answered 2xx, per second: what successRate checks and stop conditions judge.
    private static ReportChart Success(List<double> seconds, IReadOnlyList<LoadSecond> traffic, DateTimeOffset start, SeriesColors colors, ChartThresholds thresholds)
    {
        var series = new List<ChartSeries>();
        foreach (var population in traffic.Select(s => s.Population).Distinct(StringComparer.Ordinal))
        {
            var own = PerSecond(traffic, population, start);
            series.Add(new ChartSeries(
                $"{population} success",
                seconds.Select(s => own.TryGetValue((int)s, out var stats) && stats.SuccessRate is { } rate ? Math.Round(rate * 100, 2) : (double?)null).ToList())
            {
                Legend = $"{population}: requests answered 2xx",
                Color = colors.Population(population),
            });
        }

        series.AddRange(thresholds.For(ChartThresholds.SuccessChart));
        return new ReportChart { Id = "success", Title = "Success rate per population (%), with the thresholds of checks and stop conditions", Unit = "%", Seconds = seconds, Series = series };
    }

    private static ReportChart Latency(List<double> seconds, IReadOnlyList<LoadSecond> traffic, DateTimeOffset start, SeriesColors colors, ChartThresholds thresholds)
    {
        var series = new List<ChartSeries>();
        foreach (var population in traffic.Select(s => s.Population).Distinct(StringComparer.Ordinal))
        {
            var own = PerSecond(traffic, population, start);
            foreach (var percentile in new[] { 50, 99 })
            {
                series.Add(new ChartSeries(
                    $"{population} p{percentile}",
                    seconds.Select(s => own.TryGetValue((int)s, out var stats) && stats.LatencyCount > 0 ? (double?)Math.Round(stats.Latency(percentile).TotalMilliseconds, 3) : null).ToList())
                {
                    Legend = $"{population} p{percentile}",
                    Color = colors.Population(population),
                    Dashed = percentile == 99,
                });
            }
        }

        series.AddRange(thresholds.For(ChartThresholds.LatencyChart));
        return new ReportChart { Id = "latency", Title = "Latency per population (ms, log scale; p99 dashed)", Unit = "ms", Seconds = seconds, Series = series, LogScale = true };
    }

    private static Dictionary<int, LoadStats> PerSecond(IReadOnlyList<LoadSecond> traffic, string population, DateTimeOffset start) =>
        traffic.Where(s => string.Equals(s.Population, population, StringComparison.Ordinal))
            .GroupBy(s => Second(start, s.Start))
            .ToDictionary(g => g.Key, g => LoadStats.Merge(g.Select(x => x.Stats)));

    private static ReportChart Dns(List<double> seconds, DateTimeOffset start, IReadOnlyList<RunEvent> events)
    {
        var answers = events.OfType<DnsAnswerChanged>().ToList();
        var categories = new List<string> { "no answer" };
        categories.AddRange(answers.Select(Answer).Where(a => a != "no answer").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var series = answers
            .GroupBy(a => (a.Location, a.Name))
            .Select(group =>
            {
                var own = group.ToList();
                var values = seconds.Select(s => own.LastOrDefault(a => (a.At - start).TotalSeconds <= s) is { } answer ? (double?)categories.IndexOf(Answer(answer)) : null).ToList();
                return new ChartSeries($"{group.Key.Location}: {group.Key.Name}", values)
                {
                    Legend = $"where {group.Key.Name} sends clients in {group.Key.Location}",
                    Color = ChartColors.Region(group.Key.Location),
                };
            }).ToList();
        return new ReportChart { Id = "dns", Title = "DNS answer per location (the region each location is sent to)", Unit = "region", Seconds = seconds, Series = series, Stepped = true, Categories = categories };
    }

    private static string Answer(DnsAnswerChanged answer) =>
        answer.Regions.Count == 0 ? "no answer" : string.Join("+", answer.Regions);
}
