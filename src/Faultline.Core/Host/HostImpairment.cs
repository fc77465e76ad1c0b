using System.Globalization;
using Faultline.Core.Checks;
using Faultline.Core.Experiments;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Verdict;

namespace Faultline.Core.Host;

/// <summary>
/// Decides which results of a run rest on seconds when the host could not keep lab time (see <see cref="HostBudget"/>).
/// </summary>
/// <remarks>
/// <para>A check is <i>host-impaired</i> when a health check flipped at or before the end of its evidence while the host
/// was impaired during the probes that decided the flip (a flip moves DNS answers and so every later request), or when
/// its window holds an impaired second and the host could have decided its result: always for a failed or undecided
/// check, and for a passed one unless it is a check a late host can only push towards failing (a success rate that must
/// stay high, errors or latency that must stay low: those passed in spite of the host). An impaired check is undecided
/// (<see cref="CheckResult.Passed"/> <c>null</c>) with <see cref="CheckResult.HostImpaired"/> saying why.</para>
/// <para>Pure: the same observations always give the same marks, live or replayed from a journal.</para>
/// </remarks>
public static class HostImpairment
{
    /// <summary>The seconds of <paramref name="observations"/> whose lateness exceeds its budget, in time order.</summary>
    public static IReadOnlyList<HostSecond> ImpairedSeconds(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return observations.HostBudget is { } budget
            ? observations.Host.Where(budget.Exceeds).OrderBy(s => s.Start).ToArray()
            : [];
    }

    /// <summary>Health flips whose deciding probes ran while the host was impaired, in time order.</summary>
    public static IReadOnlyList<HealthChanged> ImpairedFlips(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var impaired = ImpairedSeconds(observations);
        if (impaired.Count == 0)
        {
            return [];
        }

        return observations.Events.OfType<HealthChanged>()
            .Where(flip => Overlaps(impaired, flip.At - EvidenceSpan(observations, flip.HealthCheck), flip.At))
            .OrderBy(f => f.At)
            .ToArray();
    }

    /// <summary>Whether the host was impaired during the seconds that made <paramref name="stop"/> fire.</summary>
    public static bool Impaired(RunObservations observations, StopConditionFired stop)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(stop);
        return Overlaps(ImpairedSeconds(observations), stop.At - stop.Lasted - TimeSpan.FromSeconds(1), stop.At);
    }

    /// <summary>
    /// Marks every check that rests on impaired evidence: undecided, with the reason. Checks without a window and
    /// runs without host measurements are returned as they are.
    /// </summary>
    public static IReadOnlyList<CheckResult> Mark(RunObservations observations, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(checks);
        var impaired = ImpairedSeconds(observations);
        if (impaired.Count == 0)
        {
            return checks;
        }

        var flips = ImpairedFlips(observations);
        return checks.Select(check => Reason(observations, impaired, flips, check) is { } reason
                ? check with { Passed = null, HostImpaired = reason }
                : check)
            .ToArray();
    }

    /// <summary>
    /// The verdict's reason when host-impaired checks decide it: what the host did, what it cost, and how to rerun.
    /// <c>null</c> when no check is host-impaired.
    /// </summary>
    public static string? Summary(RunObservations observations, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(checks);
        var affected = checks.Where(c => c.HostImpaired is not null).ToList();
        if (affected.Count == 0 || observations.HostBudget is not { } budget)
        {
            return null;
        }

        var impaired = ImpairedSeconds(observations);
        var worst = impaired.Count == 0 ? TimeSpan.Zero : impaired.Max(s => s.Lateness);
        var scale = HostBudget.FormatScale(budget.TimeScale);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"the host could not keep time scale {scale}: timers ran up to {Durations.Describe(worst)} late ({Durations.Describe(worst / budget.TimeScale)} of wall time) in {Seconds(impaired.Count)} between {RunFacts.Offset(observations, impaired[0].Start)} and {RunFacts.Offset(observations, impaired[^1].Start + TimeSpan.FromSeconds(1))}, beyond the {Durations.Describe(budget.Allowance)} allowed by {budget.DeadlineName}, so {Checks(affected.Count)} cannot be trusted ({string.Join("; ", affected.Select(c => $"#{c.Number} {c.Name}"))})");
        return text + "; " + Advice(budget, worst);
    }

    /// <summary>The run's host timing as the verdict reports it; <c>null</c> when the host was not measured.</summary>
    public static HostTiming? Timing(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.HostBudget is not { } budget || observations.Host.Count == 0)
        {
            return null;
        }

        var impaired = ImpairedSeconds(observations);
        var worst = observations.Host.Max(s => s.Lateness);
        var load = Load.LoadStats.Merge(observations.Traffic.Select(s => s.Stats));
        var scale = HostBudget.FormatScale(budget.TimeScale);
        var summary = impaired.Count == 0
            ? $"The host kept time scale {scale}: timers ran at most {Durations.Describe(worst)} late, within the {Durations.Describe(budget.Allowance)} allowed by {budget.DeadlineName}."
            : $"The host could not keep time scale {scale} in {Seconds(impaired.Count)} of {observations.Host.Count}: timers ran up to {Durations.Describe(worst)} late, beyond the {Durations.Describe(budget.Allowance)} allowed by {budget.DeadlineName}; {Advice(budget, worst)}.";
        return new HostTiming
        {
            TimeScale = budget.TimeScale,
            Deadline = budget.DeadlineName,
            AllowanceMs = budget.Allowance.TotalMilliseconds,
            WallAllowanceMs = budget.WallAllowance.TotalMilliseconds,
            WorstLatenessMs = worst.TotalMilliseconds,
            Seconds = observations.Host.Count,
            ImpairedSeconds = impaired.Count,
            LateSendsPercent = load.Sent == 0 ? null : 100.0 * load.LateSends / load.Sent,
            SendLagP99WallMs = load.Sent == 0 ? null : load.SendLag(99).TotalMilliseconds,
            Summary = summary,
        };
    }

    /// <summary>
    /// The reason for a verdict whose run a stop condition ended while it breached over host-impaired seconds, naming
    /// the host; <c>null</c> when the host kept time during the breach.
    /// </summary>
    public static string? StopSummary(RunObservations observations, StopConditionFired stop)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(stop);
        if (observations.HostBudget is not { } budget || !Impaired(observations, stop))
        {
            return null;
        }

        var breach = ImpairedSeconds(observations).Where(s => s.Start + TimeSpan.FromSeconds(1) > stop.At - stop.Lasted - TimeSpan.FromSeconds(1) && s.Start <= stop.At).ToList();
        var worst = breach.Max(s => s.Lateness);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"stop condition '{stop.Name}' breached while the host could not keep time scale {HostBudget.FormatScale(budget.TimeScale)}: timers ran up to {Durations.Describe(worst)} late in {Seconds(breach.Count)} of its breach, beyond the {Durations.Describe(budget.Allowance)} allowed by {budget.DeadlineName}, so the stop may be the host's doing, not the system's; {Advice(budget, worst)}");
    }

    /// <summary>How to rerun: a time scale this host would have kept, or a quieter machine.</summary>
    public static string Advice(HostBudget budget, TimeSpan worstLateness)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var wall = worstLateness / budget.TimeScale;
        var fits = budget.HighestScaleFor(wall);

        // Leave room: the next run meets the same host, so aim at half the scale the worst second allowed.
        var suggested = Math.Max(1, Math.Floor(Math.Min(fits / 2, budget.TimeScale / 2)));
        return budget.TimeScale > 1 && suggested < budget.TimeScale
            ? $"rerun with `--time-scale {HostBudget.FormatScale(suggested)}` (or `--time-scale auto`) or on a quieter machine"
            : "rerun on a quieter machine";
    }

    private static string? Reason(RunObservations observations, IReadOnlyList<HostSecond> impaired, IReadOnlyList<HealthChanged> flips, CheckResult check)
    {
        if (check.From is not { } from || EvidenceEnd(observations, check) is not { } to)
        {
            return null;
        }

        var inWindow = impaired.Where(s => s.Start + TimeSpan.FromSeconds(1) > from && s.Start < to).ToList();
        if (inWindow.Count > 0 && (check.Passed != true || HostCouldPass(observations, check)))
        {
            var worst = inWindow.Max(s => s.Lateness);
            return string.Create(
                CultureInfo.InvariantCulture,
                $"host-impaired: in {Seconds(inWindow.Count)} of its window (first at {RunFacts.Offset(observations, inWindow[0].Start)}) the host ran the lab's timers up to {Durations.Describe(worst)} late, beyond the {Durations.Describe(observations.HostBudget!.Allowance)} allowed");
        }

        if (flips.FirstOrDefault(f => f.At <= to) is { } flip)
        {
            return $"host-impaired: {flip.HealthCheck} turned {(flip.Healthy ? "healthy" : "unhealthy")} at {RunFacts.Offset(observations, flip.At)} on probes the host ran late, and that flip steers the traffic this check measures";
        }

        return null;
    }

    /// <summary>
    /// Whether a late host could make this check pass. A host that misses deadlines only adds timeouts, errors and
    /// latency, so it cannot lift a success rate to its floor nor hold errors or latency under their ceiling: such a
    /// check that passed anyway passed in spite of the host. Any other check (an outage it expects, request counts,
    /// region shares, transitions) could pass because of it.
    /// </summary>
    private static bool HostCouldPass(RunObservations observations, CheckResult check)
    {
        var definition = check.Number >= 1 && check.Number <= observations.Experiment.Hypothesis.Checks.Count
            ? observations.Experiment.Hypothesis.Checks[check.Number - 1]
            : null;
        if (definition is not TrafficCheck traffic)
        {
            return true;
        }

        var atLeast = traffic.Threshold.Operator is ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater;
        return traffic.Metric.Kind switch
        {
            TrafficMetricKind.SuccessRate or TrafficMetricKind.Status2xxRate => !atLeast,
            TrafficMetricKind.ErrorRate or TrafficMetricKind.Status4xxRate or TrafficMetricKind.Status5xxRate or TrafficMetricKind.LatencyPercentile => atLeast,
            _ => true,
        };
    }

    /// <summary>
    /// Where a check's evidence ends: its window's end for traffic; for a transition, the moment it happened, or the
    /// end of the time it was allowed (<c>within</c>) when it never did.
    /// </summary>
    private static DateTimeOffset? EvidenceEnd(RunObservations observations, CheckResult check)
    {
        if (check.Kind == CheckKind.Traffic || check.From is not { } from)
        {
            return check.To;
        }

        if (check.Passed == true && check.MeasuredValue is { } seconds)
        {
            return from + TimeSpan.FromSeconds(seconds);
        }

        var definition = check.Number >= 1 && check.Number <= observations.Experiment.Hypothesis.Checks.Count
            ? observations.Experiment.Hypothesis.Checks[check.Number - 1]
            : null;
        TimeSpan? within = definition switch
        {
            HealthTransitionCheck health => health.Within,
            DnsAnswerCheck dns => dns.Within,
            _ => null,
        };
        return within is { } allowed && (check.To is null || from + allowed < check.To) ? from + allowed : check.To;
    }

    private static TimeSpan EvidenceSpan(RunObservations observations, string healthCheck)
    {
        // The probes that decided a flip: the last failureThreshold intervals, plus a probe's own limits.
        var check = observations.Topology.FindHealthCheck(healthCheck);
        var interval = check?.Interval ?? Topology.HealthCheckConfig.DefaultInterval;
        var threshold = check?.FailureThreshold ?? Topology.HealthCheckConfig.DefaultFailureThreshold;
        return (interval * threshold) + HostBudget.HealthCheckTcpConnectLimit;
    }

    private static bool Overlaps(IReadOnlyList<HostSecond> seconds, DateTimeOffset from, DateTimeOffset to) =>
        seconds.Any(s => s.Start + TimeSpan.FromSeconds(1) > from && s.Start <= to);

    private static string Seconds(int count) => count == 1 ? "1 lab second" : $"{count} lab seconds";

    private static string Checks(int count) => count == 1 ? "1 check" : $"{count} checks";
}
