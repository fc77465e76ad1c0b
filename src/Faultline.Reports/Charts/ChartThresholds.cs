using Faultline.Core.Experiments;
using Faultline.Core.Health;
using Faultline.Core.Runs;

namespace Faultline.Reports.Charts;

/// <summary>
/// The threshold lines of an experiment's checks and stop conditions, as dashed series on the chart that shows what
/// they measure: success rate (<c>successRate</c>, <c>status2xxRate</c>) on the success chart, latency percentiles on
/// the latency chart. A check's line spans its window (to the chart's end while the window's end is not reached); a
/// stop condition's spans the run. Other metrics (region share, 4xx/5xx/error rates, requests) have no chart in the
/// same unit and get no line.
/// </summary>
internal sealed class ChartThresholds(Experiment? experiment, PhaseTimes phases, IReadOnlyList<double> seconds)
{
    public const string SuccessChart = "success";

    public const string LatencyChart = "latency";

    /// <summary>Route 53's rule on the checkers chart: a check is healthy while more than 18% of its checkers see it healthy.</summary>
    public static ChartSeries Route53(IReadOnlyList<double> seconds) =>
        new("route53 18%", [.. seconds.Select(_ => (double?)HealthCheckState.HealthyAbovePercentage)])
        {
            Legend = "Route 53: healthy while more than 18% of checkers see it healthy",
            Color = ChartColors.CheckThreshold,
            Dashed = true,
            Threshold = true,
        };

    /// <summary>The lines of every check and stop condition whose metric the chart <paramref name="chart"/> shows.</summary>
    public IEnumerable<ChartSeries> For(string chart)
    {
        if (experiment is null)
        {
            yield break;
        }

        foreach (var check in experiment.Hypothesis.Checks.OfType<TrafficCheck>().Where(c => Chart(c.Metric) == chart))
        {
            if (phases.At(check.Window.From) is not { } from)
            {
                continue;
            }

            var to = phases.At(check.Window.To);
            var (fromSecond, toSecond) = ((from - phases.RunStart).TotalSeconds, to is { } end ? (end - phases.RunStart).TotalSeconds : double.MaxValue);
            yield return new ChartSeries(
                $"check {check.Name}",
                [.. seconds.Select(s => s >= fromSecond && s <= toSecond ? (double?)check.Threshold.Value : null)])
            {
                Legend = $"check “{check.Name}” ({check.Clients}): {check.Metric} {check.Threshold}",
                Color = ChartColors.CheckThreshold,
                Dashed = true,
                Threshold = true,
            };
        }

        foreach (var stop in experiment.StopConditions.Where(c => Chart(c.Metric) == chart))
        {
            yield return new ChartSeries($"stop {stop.Name}", [.. seconds.Select(_ => (double?)stop.AlarmWhen.Value)])
            {
                Legend = $"stop condition “{stop.Name}” ({stop.Clients}): stops when {stop.Metric} {stop.AlarmWhen} for {Core.Checks.CheckEvaluator.FormatElapsed(stop.For)}",
                Color = ChartColors.StopThreshold,
                Dashed = true,
                Threshold = true,
            };
        }
    }

    private static string? Chart(TrafficMetric metric) => metric.Kind switch
    {
        TrafficMetricKind.SuccessRate or TrafficMetricKind.Status2xxRate => SuccessChart,

        // The latency chart draws p50 and p99; a check at another percentile still reads against them.
        TrafficMetricKind.LatencyPercentile => LatencyChart,
        _ => null,
    };
}
