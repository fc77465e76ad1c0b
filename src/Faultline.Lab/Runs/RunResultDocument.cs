using Faultline.Core.Runs;
using Faultline.Core.Verdict;

namespace Faultline.Lab.Runs;

/// <summary>What <c>result.json</c> holds: the run's identity and its verdict.</summary>
public sealed record RunResultDocument
{
    /// <summary>The run's id.</summary>
    public required string RunId { get; init; }

    /// <summary>The experiment file.</summary>
    public required string Experiment { get; init; }

    /// <summary>The topology file.</summary>
    public required string Topology { get; init; }

    /// <summary>The seed.</summary>
    public required int Seed { get; init; }

    /// <summary>Lab seconds per wall second.</summary>
    public required double TimeScale { get; init; }

    /// <summary>The engine that ran it: <c>live</c> or <c>simulated</c> (virtual time; <see cref="TimeScale"/> is then 0).</summary>
    public required string Engine { get; init; }

    /// <summary>How the run ended.</summary>
    public required RunState FinalState { get; init; }

    /// <summary>The verdict with checks, timeline, impact and diagnosis.</summary>
    public required RunVerdict Verdict { get; init; }
}
