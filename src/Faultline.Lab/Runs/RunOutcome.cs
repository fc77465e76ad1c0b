using Faultline.Core.Runs;
using Faultline.Core.Verdict;

namespace Faultline.Lab.Runs;

/// <summary>How a run ended: its verdict, its final state and where its files are.</summary>
public sealed record RunOutcome
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The run's folder (journal.db, result.json).</summary>
    public required string Directory { get; init; }

    /// <summary>The verdict with checks, timeline, impact and diagnosis.</summary>
    public required RunVerdict Verdict { get; init; }

    /// <summary>The run's final state.</summary>
    public required RunState FinalState { get; init; }

    /// <summary>Journal writes that failed (audit writes among them are lost evidence).</summary>
    public long FailedJournalWrites { get; init; }
}
