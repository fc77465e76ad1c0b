using Faultline.Core.Checks;
using Faultline.Core.Host;
using Faultline.Core.Runs;

namespace Faultline.Core.Verdict;

/// <summary>
/// Decides the verdict from a run's observations and its check results: a failed steady-state check (or a run
/// cancelled before any fault) is <see cref="VerdictKind.NotRun"/>; otherwise any failed check is
/// <see cref="VerdictKind.Refuted"/>; none failed but some undecidable (or no checks) is
/// <see cref="VerdictKind.Inconclusive"/>; else <see cref="VerdictKind.Held"/>. A stop condition's firing does not
/// change the kind — the summary states it, and the runner exits 3 regardless.
/// </summary>
/// <remarks>
/// Checks whose evidence the host impaired (<see cref="HostImpairment"/>) are undecided: a verdict never rests on
/// them. A refutation stands only on a failed check the host did not impair; a steady state the host impaired means
/// nothing was injected (not-run), and the summary names the host, never the system under test.
/// </remarks>
public static class VerdictEngine
{
    /// <summary>Evaluates every check and decides.</summary>
    public static RunVerdict Decide(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return Decide(observations, CheckEvaluator.Evaluate(observations));
    }

    /// <summary>Decides from check results the caller already has (e.g. read back from a journal).</summary>
    public static RunVerdict Decide(RunObservations observations, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(checks);
        checks = HostImpairment.Mark(observations, checks);
        var kind = Kind(observations, checks);
        var diagnosis = kind == VerdictKind.Refuted ? Diagnoser.Diagnose(observations, checks) : [];
        var stop = observations.Events.OfType<StopConditionFired>().FirstOrDefault();
        return new RunVerdict
        {
            Kind = kind,
            Hypothesis = observations.Experiment.Hypothesis.Title,
            Summary = Summary(observations, checks, kind, diagnosis, stop),
            FinalState = observations.FinalState,
            StoppedBy = stop?.Name,
            Partial = observations.Partial,
            Checks = checks,
            Timeline = TimelineBuilder.Build(observations),
            Impact = ImpactCalculator.Calculate(observations),
            Diagnosis = diagnosis,
            Host = HostImpairment.Timing(observations),
        };
    }

    /// <summary>The verdict kind alone.</summary>
    public static VerdictKind Kind(RunObservations observations, IReadOnlyList<CheckResult> checks)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(checks);
        var gateImpaired = observations.Phases.FaultStart is null && checks.Any(c => c.IsSteadyState && c.HostImpaired is not null);
        if (checks.Any(c => c.IsSteadyState && c.Passed == false) || gateImpaired || (observations.FinalState == RunState.Cancelled && observations.Phases.FaultStart is null))
        {
            return VerdictKind.NotRun;
        }

        if (checks.Any(c => c.Passed == false))
        {
            return VerdictKind.Refuted;
        }

        return checks.Count == 0 || checks.Any(c => c.Passed is null) ? VerdictKind.Inconclusive : VerdictKind.Held;
    }

    private static string Summary(RunObservations observations, IReadOnlyList<CheckResult> checks, VerdictKind kind, IReadOnlyList<DiagnosisFinding> diagnosis, StopConditionFired? stop)
    {
        var failed = checks.Where(c => c.Passed == false).ToList();
        var undecided = checks.Where(c => c.Passed is null).ToList();
        var host = HostImpairment.Summary(observations, checks);
        var text = kind switch
        {
            VerdictKind.Inconclusive when host is not null => $"Inconclusive: {host}.",
            VerdictKind.NotRun when host is not null && !failed.Any(c => c.IsSteadyState) => $"Not run: the steady state could not be judged, so nothing was injected: {host}.",
            VerdictKind.Held => checks.Count == 1 ? "Held: the check passed." : $"Held: all {Checks(checks.Count)} passed.",
            VerdictKind.Refuted => $"Refuted: {failed.Count} of {Checks(checks.Count)} failed ({Names(failed)}).{(diagnosis.Count > 0 ? $" Reason: {diagnosis[0].Headline}." : string.Empty)}",
            VerdictKind.Inconclusive when checks.Count == 0 => "Inconclusive: the hypothesis has no checks.",
            VerdictKind.Inconclusive => $"Inconclusive: no check failed, but {undecided.Count} of {Checks(checks.Count)} could not be decided ({Names(undecided)}).",
            _ => failed.Count > 0
                ? $"Not run: steady state was not met before any fault ({Names(failed.Where(c => c.IsSteadyState))}), so nothing was injected."
                : "Not run: the run was cancelled before any fault, so nothing was injected.",
        };
        if (stop is not null)
        {
            text += $" The run was stopped at {RunFacts.Offset(observations, stop.At)}: {TimelineBuilder.StopText(observations, stop)}; every fault was reverted.";
            if (HostImpairment.Impaired(observations, stop))
            {
                text += " The host could not keep lab time while the condition breached, so the stop may be the host's doing, not the system's.";
            }
        }
        else if (observations.FinalState is RunState.Stopped or RunState.Failed)
        {
            text += $" The run ended {observations.FinalState.ToString().ToLowerInvariant()}; every fault was reverted.";
        }

        if (observations.Partial)
        {
            text += " The journal is partial: the run was killed, so the evidence ends early.";
        }

        return text;
    }

    private static string Checks(int count) => count == 1 ? "1 check" : $"{count} checks";

    private static string Names(IEnumerable<CheckResult> checks) =>
        string.Join("; ", checks.Select(c => $"#{c.Number} {c.Name}{(c.Measured is null ? string.Empty : $": {c.Measured}, expected {c.Expected}")}"));
}
