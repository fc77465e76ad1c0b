using Faultline.Core.Checks;
using Faultline.Core.Host;
using Faultline.Core.Runs;

namespace Faultline.Core.Verdict;

/// <summary>
/// The verdict on a run's hypothesis with its evidence: every check's result, the timeline, the impact on each
/// population and, when refuted, the diagnosis. Plain records without cycles: serializes to JSON as is.
/// </summary>
public sealed record RunVerdict
{
    /// <summary>Held, refuted, inconclusive or not-run.</summary>
    public required VerdictKind Kind { get; init; }

    /// <summary>The hypothesis in words.</summary>
    public required string Hypothesis { get; init; }

    /// <summary>One paragraph: the verdict, why, and how the run ended.</summary>
    public required string Summary { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunState FinalState { get; init; }

    /// <summary>The stop condition that stopped the run, or <c>null</c>. The runner exits 3 whenever this is set.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>Whether the observations came from a partial journal.</summary>
    public bool Partial { get; init; }

    /// <summary>Every check's result, in hypothesis order.</summary>
    public required IReadOnlyList<CheckResult> Checks { get; init; }

    /// <summary>What happened when.</summary>
    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    /// <summary>What each population went through.</summary>
    public required IReadOnlyList<CustomerImpact> Impact { get; init; }

    /// <summary>How well the host kept lab time during the run; <c>null</c> when it was not measured (older journals).</summary>
    public HostTiming? Host { get; init; }

    /// <summary>
    /// What went wrong with the run itself (lapsed leases, a lab that stopped answering, failed reverts), in time order.
    /// Any that undermines the verdict makes it inconclusive. Default empty (and for verdicts stored before problems existed).
    /// </summary>
    public IReadOnlyList<RunProblem> Problems { get; init; } = [];

    /// <summary>Why the hypothesis was refuted; empty unless <see cref="Kind"/> is <see cref="VerdictKind.Refuted"/>.</summary>
    public required IReadOnlyList<DiagnosisFinding> Diagnosis { get; init; }
}
