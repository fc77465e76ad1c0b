using Faultline.Core.Checks;
using Faultline.Core.Host;
using Faultline.Core.Runs;

namespace Faultline.Core.Verdict;

/// <summary>
/// Decides the verdict from a run's observations and its check results: a failed steady-state check (or a run
/// cancelled before any fault) is <see cref="VerdictKind.NotRun"/>; otherwise any failed check is
/// <see cref="VerdictKind.Refuted"/>; none failed but some undecidable (or no checks) is
/// <see cref="VerdictKind.Inconclusive"/>; else <see cref="VerdictKind.Held"/>. A stop condition's firing does not
/// change the kind — the summary states it, and the runner exits 3 regardless. A <see cref="RunProblem"/> that
/// undermines the verdict (a lapsed lease, a lab that stopped answering, a failed revert or renewal) makes any verdict
/// but <see cref="VerdictKind.NotRun"/> (nothing was injected) <see cref="VerdictKind.Inconclusive"/>: the summary
/// names the problems first, and no diagnosis is attempted (the evidence is not the system's doing).
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
        var problems = observations.Events.OfType<RunProblem>().ToArray();
        var summary = Summary(observations, checks, kind, diagnosis, stop);
        if (Undermining(observations).Count > 0)
        {
            summary = UnderminedSummary(observations, checks, kind, summary);
        }

        return new RunVerdict
        {
            Kind = kind,
            Hypothesis = observations.Experiment.Hypothesis.Title,
            Summary = summary,
            Problems = problems,
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

        if (Undermining(observations).Count > 0)
        {
            return VerdictKind.Inconclusive;
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
        var stopHost = stop is null ? null : HostImpairment.StopSummary(observations, stop);
        var text = kind switch
        {
            VerdictKind.Inconclusive when host is not null => $"Inconclusive: {host}.",
            VerdictKind.Inconclusive when stopHost is not null => $"Inconclusive: {stopHost}.",
            VerdictKind.NotRun when host is not null && !failed.Any(c => c.IsSteadyState) => $"Not run: the steady state could not be judged, so nothing was injected: {host}.",
            VerdictKind.Held => checks.Count == 1 ? "Held: the check passed." : $"Held: all {Checks(checks.Count)} passed.",
            VerdictKind.Refuted => $"Refuted: {failed.Count} of {Checks(checks.Count)} failed ({Names(failed)}).{(diagnosis.Count > 0 ? $" Reason: {diagnosis[0].Headline}." : string.Empty)}",
            VerdictKind.Inconclusive when checks.Count == 0 => "Inconclusive: the hypothesis has no checks.",
            VerdictKind.Inconclusive => $"Inconclusive: no check failed, but {undecided.Count} of {Checks(checks.Count)} could not be decided ({Names(undecided)}).",
            _ => failed.Count > 0
                ? $"Not run: steady state was not met before any fault ({Names(failed.Where(c => c.IsSteadyState))}), so nothing was injected."
                : "Not run: the run was cancelled before any fault, so nothing was injected.",
        };
        // A lab that stopped answering, or a revert that failed, leaves faults to their leases: say so, not "reverted".
        var reverted = observations.Events.OfType<RunProblem>().Any(p => p.Kind is RunProblemKind.LabUnreachable or RunProblemKind.RevertFailed)
            ? "not every fault could be reverted; the rest lapse with their leases"
            : "every fault was reverted";
        if (stop is not null)
        {
            text += $" The run was stopped at {RunFacts.Offset(observations, stop.At)}: {TimelineBuilder.StopText(observations, stop)}; {reverted}.";
            if (stopHost is not null && !text.Contains(stopHost, StringComparison.Ordinal))
            {
                text += " The host could not keep lab time while the condition breached, so the stop may be the host's doing, not the system's.";
            }
        }
        else if (observations.FinalState is RunState.Stopped or RunState.Failed)
        {
            text += $" The run ended {observations.FinalState.ToString().ToLowerInvariant()}; {reverted}.";
        }

        if (observations.Partial)
        {
            text += " The journal is partial: the run was killed, so the evidence ends early.";
        }

        return text;
    }

    /// <summary>The problems that undermine the verdict, the most telling first (a dead lab explains the rest), then by time.</summary>
    public static IReadOnlyList<RunProblem> Undermining(RunObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        return observations.Events.OfType<RunProblem>()
            .Where(p => p.UnderminesVerdict)
            .Select((p, i) => (p, i))
            .OrderBy(x => Rank(x.p.Kind))
            .ThenBy(x => x.p.At)
            .ThenBy(x => x.i)
            .Select(x => x.p)
            .ToArray();
    }

    private static int Rank(RunProblemKind kind) => kind switch
    {
        RunProblemKind.LabUnreachable => 0,
        RunProblemKind.LeaseLapsed => 1,
        RunProblemKind.HostImpaired => 2,
        RunProblemKind.RevertFailed => 3,
        RunProblemKind.RenewFailed => 4,
        _ => 5,
    };

    /// <summary>
    /// The summary of a verdict resting on undermined evidence: the problems first, then what the checks would have
    /// said (a refuted check is not reported as the system's failure), then how the run ended.
    /// </summary>
    private static string UnderminedSummary(RunObservations observations, IReadOnlyList<CheckResult> checks, VerdictKind kind, string plain)
    {
        // A lab that stopped answering explains the failed reverts and renewals that follow: count those, name the rest.
        var undermining = Undermining(observations);
        var labGone = undermining.Any(p => p.Kind == RunProblemKind.LabUnreachable);
        var named = undermining.Where(p => !labGone || p.Kind is not (RunProblemKind.RevertFailed or RunProblemKind.RenewFailed)).ToList();
        var followed = undermining.Count - named.Count;
        var problems = string.Join("; ", named.Select(p => p.Message))
            + (followed == 0 ? string.Empty : $" ({followed} failed {(followed == 1 ? "revert or renewal" : "reverts and renewals")} followed from it)");
        if (kind == VerdictKind.NotRun)
        {
            var reason = plain["Not run: ".Length..];
            return $"Not run: {problems}. {char.ToUpperInvariant(reason[0])}{reason[1..]}";
        }

        var failed = checks.Where(c => c.Passed == false).ToList();
        var evidence = failed.Count > 0
            ? $"the evidence cannot be trusted, so {failed.Count} failed {(failed.Count == 1 ? "check" : "checks")} ({Names(failed)}) {(failed.Count == 1 ? "does" : "do")} not refute the hypothesis"
            : "the evidence cannot be trusted, so the checks that passed do not confirm the hypothesis";
        var text = $"Inconclusive: {problems}; {evidence}.";

        // Keep how the run ended (stop condition, failed, partial journal) from the plain summary.
        var tail = plain.IndexOf(" The run ", StringComparison.Ordinal) is var at and >= 0 ? plain[at..]
            : plain.IndexOf(" The journal is partial", StringComparison.Ordinal) is var partial and >= 0 ? plain[partial..]
            : string.Empty;
        return text + tail;
    }

    private static string Checks(int count) => count == 1 ? "1 check" : $"{count} checks";

    private static string Names(IEnumerable<CheckResult> checks) =>
        string.Join("; ", checks.Select(c => $"#{c.Number} {c.Name}{(c.Measured is null ? string.Empty : $": {c.Measured}, expected {c.Expected}")}"));
}
