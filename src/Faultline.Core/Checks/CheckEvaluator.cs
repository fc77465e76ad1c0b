using Faultline.Core.Experiments;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Text;
using Faultline.Core.Topology;

namespace Faultline.Core.Checks;

/// <summary>
/// Evaluates hypothesis checks over a run's observations. Every check is evaluated (none stops at the first
/// failure); a check that cannot be decided — a window edge never reached, no traffic, a deadline after the run's
/// end — is <c>null</c>, never passed. Pure: the result depends on the observations alone.
/// </summary>
/// <remarks>
/// <para><b>Traffic checks</b> merge the per-second traffic of the selected populations whose second <i>starts</i>
/// in the window (start inclusive, end exclusive) and measure it with <see cref="TrafficMeasures"/>.</para>
/// <para><b>Health-transition and DNS-answer checks</b> count <c>within</c> from the window's start; the window's end
/// does not cut the search short. One already in the wanted state at the window's start passes after 0s. A health
/// check is healthy until its first flip (Route 53: a new check starts healthy). A DNS answer counts only when every
/// region it names is the wanted one: a fail-open answer listing all regions still sends clients to the failed one.</para>
/// </remarks>
public static class CheckEvaluator
{
    /// <summary>Evaluates every check of the experiment's hypothesis, in file order.</summary>
    public static IReadOnlyList<CheckResult> Evaluate(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var checks = observations.Experiment.Hypothesis.Checks;
        return checks.Select((check, i) => Evaluate(check, i + 1, observations)).ToList();
    }

    /// <summary>
    /// Evaluates only the steady-state checks (window exactly the baseline) at the baseline's end, before any fault
    /// started: the baseline window ends at <paramref name="baselineEnd"/> (the fault phase's planned start). The
    /// runner calls this; when one fails, nothing is injected and the verdict is not-run.
    /// </summary>
    public static IReadOnlyList<CheckResult> EvaluateSteadyState(RunObservations observations, DateTimeOffset baselineEnd)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return EvaluateSteadyState(observations with { Phases = observations.Phases with { FaultStart = observations.Phases.FaultStart ?? baselineEnd } });
    }

    /// <summary>
    /// Evaluates only the steady-state checks (window exactly the baseline) over observations whose baseline has
    /// ended (<see cref="PhaseTimes.FaultStart"/> set); otherwise they are undecidable.
    /// </summary>
    public static IReadOnlyList<CheckResult> EvaluateSteadyState(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var checks = observations.Experiment.Hypothesis.Checks;
        return checks
            .Select((check, i) => (check, number: i + 1))
            .Where(c => c.check.Window.IsBaseline)
            .Select(c => Evaluate(c.check, c.number, observations))
            .ToList();
    }

    /// <summary>Evaluates one check; <paramref name="number"/> is its 1-based position in the hypothesis.</summary>
    public static CheckResult Evaluate(CheckDefinition check, int number, RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(observations);
        return check switch
        {
            TrafficCheck traffic => EvaluateTraffic(traffic, number, observations),
            HealthTransitionCheck health => EvaluateHealth(health, number, observations),
            DnsAnswerCheck dns => EvaluateDns(dns, number, observations),
            _ => throw new ArgumentException($"Unknown check kind {check.GetType().Name}.", nameof(check)),
        };
    }

    /// <summary>
    /// The last moment the observations cover: the run's end, or while it runs the latest event or traffic second.
    /// </summary>
    public static DateTimeOffset Horizon(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (observations.Phases.RunEnd is { } end)
        {
            return end;
        }

        var latest = observations.Phases.RunStart;
        foreach (var e in observations.Events)
        {
            latest = e.At > latest ? e.At : latest;
        }

        foreach (var second in observations.Traffic)
        {
            var secondEnd = second.Start + TimeSpan.FromSeconds(1);
            latest = secondEnd > latest ? secondEnd : latest;
        }

        return latest;
    }

    /// <summary>Formats an elapsed time as users read it: whole seconds from 1s up (<c>1m28s</c>), milliseconds below.</summary>
    public static string FormatElapsed(TimeSpan elapsed) =>
        Durations.Format(elapsed >= TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(Math.Round(elapsed.TotalSeconds)) : elapsed < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Round(elapsed.TotalMilliseconds)));

    private static CheckResult EvaluateTraffic(TrafficCheck check, int number, RunObservations observations)
    {
        var result = Start(check, number, CheckKind.Traffic, check.Threshold.ToString());
        if (ResolvedWindow.Resolve(check.Window, observations.Phases) is not { } window)
        {
            return result with { Explanation = Unreached(check.Window, observations.Phases) };
        }

        result = WithWindow(result, window, observations);
        var stats = LoadStats.Merge(observations.Traffic
            .Where(s => check.Clients.Includes(s.Population) && window.Contains(s.Start))
            .Select(s => s.Stats));
        if (TrafficMeasures.Measure(check.Metric, stats) is not { } value)
        {
            var what = stats.Attempts == 0 ? "no requests" : check.Metric.Kind == TrafficMetricKind.LatencyPercentile ? "no latency recorded" : "no responses";
            return result with { Explanation = $"{what} from {check.Clients} in {check.Window}, so {check.Metric} cannot be measured" };
        }

        return result with
        {
            Passed = check.Threshold.IsMetBy(value),
            Measured = check.Threshold.Format(value),
            MeasuredValue = value,
            Explanation = TrafficMeasures.Explain(check.Metric, stats, value),
        };
    }

    private static CheckResult EvaluateHealth(HealthTransitionCheck check, int number, RunObservations observations)
    {
        var wanted = HealthWord(check.BecomesHealthy);
        var other = HealthWord(!check.BecomesHealthy);
        var result = Start(check, number, CheckKind.HealthTransition, $"{wanted} within {Durations.Format(check.Within)}");
        if (observations.Phases.At(check.Window.From) is not { } from)
        {
            return result with { Explanation = Unreached(check.Window, observations.Phases) };
        }

        result = WithWindow(result, ResolvedOrOpen(check.Window, from, observations), observations);
        var flips = observations.Events.OfType<HealthChanged>()
            .Where(e => string.Equals(e.HealthCheck, check.HealthCheck, StringComparison.Ordinal))
            .OrderBy(e => e.At)
            .ToList();
        var before = flips.LastOrDefault(e => e.At < from);
        if ((before?.Healthy ?? true) == check.BecomesHealthy)
        {
            return Passed(result, TimeSpan.Zero, $"{check.HealthCheck} was already {wanted} at {check.Window.From}");
        }

        var first = flips.FirstOrDefault(e => e.At >= from && e.Healthy == check.BecomesHealthy);
        return Decide(result, check.Within, from, first?.At, observations,
            late: elapsed => $"{check.HealthCheck} turned {wanted} {FormatElapsed(elapsed)} after {check.Window.From}, later than {Durations.Format(check.Within)}",
            never: $"{check.HealthCheck} stayed {other} for {Durations.Format(check.Within)} after {check.Window.From}",
            onTime: elapsed => $"{check.HealthCheck} turned {wanted} {FormatElapsed(elapsed)} after {check.Window.From}",
            pending: $"{check.HealthCheck} had not turned {wanted}");
    }

    private static CheckResult EvaluateDns(DnsAnswerCheck check, int number, RunObservations observations)
    {
        var result = Start(check, number, CheckKind.DnsAnswer, $"{check.AnswersRegion} within {Durations.Format(check.Within)}");
        if (observations.Phases.At(check.Window.From) is not { } from)
        {
            return result with { Explanation = Unreached(check.Window, observations.Phases) };
        }

        result = WithWindow(result, ResolvedOrOpen(check.Window, from, observations), observations);
        var name = DnsName.Normalize(check.QueryName);
        var answers = observations.Events.OfType<DnsAnswerChanged>()
            .Where(e => string.Equals(e.Location, check.QuerierLocation, StringComparison.Ordinal) && string.Equals(DnsName.Normalize(e.Name), name, StringComparison.Ordinal))
            .OrderBy(e => e.At)
            .ToList();
        var subject = $"{check.QuerierLocation}'s answer for {name}";
        var before = answers.LastOrDefault(e => e.At < from);
        if (before is not null && AnswersOnly(before, check.AnswersRegion))
        {
            return Passed(result, TimeSpan.Zero, $"{subject} was already {check.AnswersRegion} at {check.Window.From}");
        }

        var first = answers.FirstOrDefault(e => e.At >= from && AnswersOnly(e, check.AnswersRegion));
        var last = answers.LastOrDefault(e => e.At <= from + check.Within);
        var stayed = last is null ? "no answer observed" : Describe(last);
        return Decide(result, check.Within, from, first?.At, observations,
            late: elapsed => $"{subject} moved to {check.AnswersRegion} {FormatElapsed(elapsed)} after {check.Window.From}, later than {Durations.Format(check.Within)}",
            never: $"{subject} did not move to {check.AnswersRegion} within {Durations.Format(check.Within)} after {check.Window.From} (it was {stayed})",
            onTime: elapsed => $"{subject} moved to {check.AnswersRegion} {FormatElapsed(elapsed)} after {check.Window.From}",
            pending: $"{subject} had not moved to {check.AnswersRegion}");
    }

    private static CheckResult Decide(
        CheckResult result,
        TimeSpan within,
        DateTimeOffset from,
        DateTimeOffset? reached,
        RunObservations observations,
        Func<TimeSpan, string> late,
        string never,
        Func<TimeSpan, string> onTime,
        string pending)
    {
        var deadline = from + within;
        if (reached is { } at && at <= deadline)
        {
            return Passed(result, at - from, onTime(at - from));
        }

        var horizon = Horizon(observations);
        if (horizon < deadline && reached is null)
        {
            return result with { Explanation = $"{pending} when the observations end, {FormatElapsed(horizon - from)} into the {Durations.Format(within)} allowed" };
        }

        return reached is { } lateAt
            ? result with { Passed = false, Measured = $"after {FormatElapsed(lateAt - from)}", MeasuredValue = (lateAt - from).TotalSeconds, Explanation = late(lateAt - from) }
            : result with { Passed = false, Measured = "never", Explanation = never };
    }

    private static CheckResult Passed(CheckResult result, TimeSpan elapsed, string explanation) => result with
    {
        Passed = true,
        Measured = $"after {FormatElapsed(elapsed)}",
        MeasuredValue = elapsed.TotalSeconds,
        Explanation = explanation,
    };

    private static bool AnswersOnly(DnsAnswerChanged answer, string region) =>
        answer.Regions.Count > 0 && answer.Regions.All(r => string.Equals(r, region, StringComparison.Ordinal));

    private static string Describe(DnsAnswerChanged answer) =>
        answer.Regions.Count > 0 ? string.Join(", ", answer.Regions) : answer.Outcome;

    private static string HealthWord(bool healthy) => healthy ? "healthy" : "unhealthy";

    private static CheckResult Start(CheckDefinition check, int number, CheckKind kind, string expected) => new()
    {
        Number = number,
        Name = check.Name,
        Kind = kind,
        IsSteadyState = check.Window.IsBaseline,
        Expected = expected,
        Window = check.Window.ToString(),
        Explanation = string.Empty,
    };

    private static CheckResult WithWindow(CheckResult result, ResolvedWindow window, RunObservations observations) => result with
    {
        From = window.From,
        To = window.To,
        FromOffset = window.From - observations.Phases.RunStart,
        ToOffset = window.To - observations.Phases.RunStart,
    };

    // Transition checks need only the window's start; an unreached end shows as the end of the observations.
    private static ResolvedWindow ResolvedOrOpen(CheckWindow window, DateTimeOffset from, RunObservations observations) =>
        ResolvedWindow.Resolve(window, observations.Phases) ?? new ResolvedWindow(from, Max(from, Horizon(observations)));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string Unreached(CheckWindow window, PhaseTimes phases)
    {
        var edge = phases.At(window.From) is null ? window.From : window.To;
        return $"the run never reached {edge.Phase.ToString().ToLowerInvariant()}.{edge.Edge.ToString().ToLowerInvariant()}, so window {window} cannot be evaluated";
    }
}
