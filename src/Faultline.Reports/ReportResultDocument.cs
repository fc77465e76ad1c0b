using Faultline.Core.Runs;
using Faultline.Core.Verdict;

namespace Faultline.Reports;

/// <summary>What <c>result.json</c> holds: the run's identity and its verdict (the same shape the runner writes).</summary>
public sealed record ReportResultDocument
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

    /// <summary>Whether the journal is partial (the run did not finish); omitted when it finished.</summary>
    public bool? Partial { get; init; }

    /// <summary>The verdict with checks, timeline, impact and diagnosis.</summary>
    public required RunVerdict Verdict { get; init; }

    /// <summary>The document for <paramref name="report"/>.</summary>
    public static ReportResultDocument From(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportResultDocument
        {
            RunId = report.RunId,
            Experiment = report.Header.ExperimentPath,
            Topology = report.Header.TopologyPath,
            Seed = report.Header.Seed,
            TimeScale = report.Header.TimeScale,
            Engine = report.Header.Engine,
            FinalState = report.FinalState,
            Partial = report.Partial ? true : null,
            Verdict = report.Verdict,
        };
    }
}
