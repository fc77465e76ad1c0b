using Faultline.Core.Checks;
using Faultline.Core.Runs;
using Faultline.Core.Text;

namespace Faultline.Core.Verdict;

/// <summary>
/// Builds a run's timeline from its phases, events and traffic: run states, phase edges, faults applied and
/// reverted, configuration changes, failed or skipped actions, each population's first and last failing second,
/// health-check flips and probe targets, DNS answer changes per location, stop conditions, run problems. Sorted by time; entries
/// at the same moment keep that order.
/// </summary>
public static class TimelineBuilder
{
    /// <summary>The timeline of <paramref name="observations"/>.</summary>
    public static IReadOnlyList<TimelineEntry> Build(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var entries = new List<TimelineEntry>();
        void Add(DateTimeOffset at, TimelineEntryKind kind, string text, string? subject = null) => entries.Add(new TimelineEntry
        {
            At = at,
            Offset = at - observations.Phases.RunStart,
            Kind = kind,
            Text = text,
            Subject = subject,
        });

        var phases = observations.Phases;
        Add(phases.RunStart, TimelineEntryKind.Phase, "baseline started (load on)", "baseline");
        if (phases.FaultStart is { } faultStart)
        {
            Add(faultStart, TimelineEntryKind.Phase, "fault phase started", "fault");
        }

        if (phases.FaultEnd is { } faultEnd)
        {
            Add(faultEnd, TimelineEntryKind.Phase, "fault phase ended; recovery started", "recovery");
        }

        foreach (var e in observations.Events)
        {
            switch (e)
            {
                case RunStateChanged s:
                    Add(s.At, TimelineEntryKind.RunState, $"run {Word(s.State)}{(s.Reason is null ? string.Empty : ": " + s.Reason)}");
                    break;
                case FaultAppliedEvent f:
                    Add(f.At, TimelineEntryKind.FaultStart, $"fault {f.FaultId} applied: {Word(f.Kind)} on {string.Join(", ", f.Targets)}{(f.Action is null ? string.Empty : $" (action {f.Action})")}", f.FaultId);
                    break;
                case FaultRevertedEvent r:
                    Add(r.At, TimelineEntryKind.FaultEnd, $"fault {r.FaultId} reverted ({r.Reason})", r.FaultId);
                    break;
                case ConfigurationChanged c:
                    Add(c.At, TimelineEntryKind.Configuration, $"{c.Action} configured {c.Function}{Configuration(c)}", c.Function);
                    break;
                case ActionStateChanged a when a.State is ActionState.Failed or ActionState.Skipped:
                    Add(a.At, TimelineEntryKind.Action, $"action {a.Action} {Word(a.State)}{(a.Detail is null ? string.Empty : ": " + a.Detail)}", a.Action);
                    break;
                case HealthChanged h:
                    Add(h.At, TimelineEntryKind.HealthFlip, $"{h.HealthCheck} turned {(h.Healthy ? "healthy" : "unhealthy")} ({TrafficMeasures.Percent(h.PercentageHealthy)} of checkers see it healthy)", h.HealthCheck);
                    break;
                case HealthProbeTargetChanged p:
                    Add(p.At, TimelineEntryKind.HealthProbeTarget, $"{p.HealthCheck} checkers at {p.Location} probe {p.Fqdn} at {p.Address ?? "nothing (resolution failed)"}{(p.Region is null ? string.Empty : $" ({p.Region})")}", p.HealthCheck);
                    break;
                case DnsAnswerChanged d:
                    var answer = d.Regions.Count > 0 ? $"{string.Join(", ", d.Regions)}{(d.Addresses.Count > 0 ? $" ({string.Join(", ", d.Addresses)})" : string.Empty)}" : d.Outcome;
                    Add(d.At, TimelineEntryKind.DnsAnswer, $"{d.Location} now gets {answer} for {d.Name}", d.Location);
                    break;
                case StopConditionFired s:
                    Add(s.At, TimelineEntryKind.StopCondition, StopText(observations, s), s.Name);
                    break;
                case RunProblem p:
                    Add(p.At, TimelineEntryKind.Problem, $"problem: {p.Message}", p.Subject);
                    break;
                default:
                    break;
            }
        }

        foreach (var population in RunFacts.Populations(observations))
        {
            var failing = RunFacts.Seconds(observations, population).Where(s => TrafficMeasures.Failures(s.Stats) > 0).ToList();
            if (failing.Count == 0)
            {
                continue;
            }

            Add(failing[0].Start, TimelineEntryKind.FirstError, $"{population}: first errors ({TrafficMeasures.FailureBreakdown(failing[0].Stats)})", population);
            Add(failing[^1].Start, TimelineEntryKind.LastError, $"{population}: last errors ({TrafficMeasures.FailureBreakdown(failing[^1].Stats)})", population);
        }

        if (phases.RunEnd is { } runEnd)
        {
            Add(runEnd, TimelineEntryKind.Phase, "run ended (load off)", "end");
        }

        return entries.Select((entry, i) => (entry, i)).OrderBy(x => x.entry.At).ThenBy(x => x.i).Select(x => x.entry).ToList();
    }

    /// <summary>The words for a stop condition's firing, e.g. <c>stop condition 'global outage' fired: success rate 12% (&lt; 50%) for 1m</c>.</summary>
    public static string StopText(RunObservations observations, StopConditionFired fired)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(fired);
        var condition = observations.Experiment.StopConditions.FirstOrDefault(c => string.Equals(c.Name, fired.Name, StringComparison.Ordinal));
        var measured = condition is null ? TrafficMeasures.Count((long)fired.Measured) : $"{condition.Metric} {condition.AlarmWhen.Format(fired.Measured)}";
        return $"stop condition '{fired.Name}' fired: {measured} ({fired.Threshold}) for {Durations.Describe(fired.Lasted)}";
    }

    private static string Configuration(ConfigurationChanged c)
    {
        var parts = c.Environment.Select(v => v.Value is null ? $"unset {v.Key}" : $"{v.Key}={v.Value}").ToList();
        return parts.Count == 0 ? string.Empty : ": " + string.Join(", ", parts);
    }

    private static string Word<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
