using Faultline.Core.Checks;
using Faultline.Core.Runs;

namespace Faultline.Core.Verdict;

/// <summary>Computes what each population went through (<see cref="CustomerImpact"/>) from per-second traffic.</summary>
public static class ImpactCalculator
{
    /// <summary>The impact on every population that sent traffic, in order of first appearance.</summary>
    public static IReadOnlyList<CustomerImpact> Calculate(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var fault = RunFacts.FaultWindow(observations);
        return RunFacts.Populations(observations).Select(p => Calculate(observations, p, fault)).ToList();
    }

    private static CustomerImpact Calculate(RunObservations observations, string population, ResolvedWindow? fault)
    {
        var seconds = RunFacts.Seconds(observations, population).ToList();
        var total = RunFacts.Traffic(observations, population);
        var during = fault is null ? null : RunFacts.Traffic(observations, population, fault);
        var failing = seconds.Where(s => TrafficMeasures.Failures(s.Stats) > 0).ToList();

        // The outage: the longest run of back-to-back seconds with failures.
        var longest = 0;
        var current = 0;
        DateTimeOffset? previous = null;
        foreach (var second in failing)
        {
            current = previous is { } p && second.Start - p <= TimeSpan.FromSeconds(1) ? current + 1 : 1;
            longest = Math.Max(longest, current);
            previous = second.Start;
        }

        return new CustomerImpact
        {
            Population = population,
            Attempts = total.Attempts,
            Successes = total.Status2xx,
            Failures = TrafficMeasures.Failures(total),
            Status3xx = total.Status3xx,
            Status4xx = total.Status4xx,
            Status5xx = total.Status5xx,
            StatusCodes = total.StatusCodes.OrderBy(c => c.Key).ToDictionary(c => c.Key, c => c.Value),
            Latency = LatencySummary.Of(total),
            Timeouts = total.Timeouts,
            ConnectErrors = total.ConnectErrors,
            DnsErrors = total.DnsErrors,
            OtherErrors = total.OtherErrors,
            Dropped = total.DroppedSends,
            FailureBreakdown = TrafficMeasures.FailureBreakdown(total),
            SuccessRate = total.SuccessRate * 100,
            FaultSuccessRate = during?.SuccessRate * 100,
            FaultFailures = during is null ? 0 : TrafficMeasures.Failures(during),
            ErrorSeconds = failing.Count,
            OutageDuration = TimeSpan.FromSeconds(longest),
            FirstError = failing.Count == 0 ? null : failing[0].Start,
            LastError = failing.Count == 0 ? null : failing[^1].Start + TimeSpan.FromSeconds(1),
            ServedBy = total.Regions
                .Where(r => r.Value > 0)
                .OrderByDescending(r => r.Value)
                .ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new RegionServed(r.Key, r.Value, total.Responses == 0 ? 0 : (double)r.Value / total.Responses * 100))
                .ToList(),
        };
    }
}
