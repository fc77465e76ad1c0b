using Faultline.Core.Host;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;

namespace Faultline.Core.Results;

/// <summary>The verdict as <c>result.json</c> writes it (<see cref="RunVerdict"/> with its times in wall time and offsets).</summary>
public sealed record ResultVerdict
{
    /// <summary>Held, refuted, inconclusive or not-run.</summary>
    public required VerdictKind Kind { get; init; }

    /// <summary>The hypothesis in words.</summary>
    public required string Hypothesis { get; init; }

    /// <summary>One paragraph: the verdict, why, and how the run ended.</summary>
    public required string Summary { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunState FinalState { get; init; }

    /// <summary>The stop condition that stopped the run, or <c>null</c> (omitted).</summary>
    public string? StoppedBy { get; init; }

    /// <summary>Whether the observations came from a partial journal.</summary>
    public required bool Partial { get; init; }

    /// <summary>Every check's result, in hypothesis order.</summary>
    public required IReadOnlyList<ResultCheck> Checks { get; init; }

    /// <summary>What happened when.</summary>
    public required IReadOnlyList<ResultTimelineEntry> Timeline { get; init; }

    /// <summary>What each population went through.</summary>
    public required IReadOnlyList<ResultImpact> Impact { get; init; }

    /// <summary>How well the host kept lab time; <c>null</c> (omitted) when not measured.</summary>
    public HostTiming? Host { get; init; }

    /// <summary>What went wrong with the run itself, in time order.</summary>
    public required IReadOnlyList<ResultProblem> Problems { get; init; }

    /// <summary>Why the hypothesis was refuted; empty unless refuted.</summary>
    public required IReadOnlyList<DiagnosisFinding> Diagnosis { get; init; }

    internal static ResultVerdict Of(RunVerdict verdict, ResultTimes times) => new()
    {
        Kind = verdict.Kind,
        Hypothesis = verdict.Hypothesis,
        Summary = verdict.Summary,
        FinalState = verdict.FinalState,
        StoppedBy = verdict.StoppedBy,
        Partial = verdict.Partial,
        Checks = [.. verdict.Checks.Select(c => ResultCheck.Of(c, times))],
        Timeline = [.. verdict.Timeline.Select(e => ResultTimelineEntry.Of(e, times))],
        Impact = [.. verdict.Impact.Select(i => ResultImpact.Of(i, times))],
        Host = verdict.Host,
        Problems = [.. verdict.Problems.Select(p => ResultProblem.Of(p, times))],
        Diagnosis = verdict.Diagnosis,
    };
}
