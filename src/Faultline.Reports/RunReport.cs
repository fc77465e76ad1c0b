using Faultline.Core.Journal;
using Faultline.Core.Runs;
using Faultline.Core.Verdict;
using Faultline.Reports.Charts;

namespace Faultline.Reports;

/// <summary>Everything a report shows about one run, built from its journal by <see cref="ReportBuilder"/>.</summary>
public sealed record RunReport
{
    /// <summary>The run's header: id, experiment and topology files, seed, time scale, lab start.</summary>
    public required RunHeader Header { get; init; }

    /// <summary>The experiment's title (its hypothesis), or the experiment path when the stored text no longer reads.</summary>
    public required string Title { get; init; }

    /// <summary>The verdict: stored by the run, or recomputed from the journal when the run wrote none.</summary>
    public required RunVerdict Verdict { get; init; }

    /// <summary>Whether the verdict was recomputed from the journal rather than read from it.</summary>
    public bool VerdictRecomputed { get; init; }

    /// <summary>Whether the journal is partial: the run did not finish (killed, or still running).</summary>
    public bool Partial { get; init; }

    /// <summary>How the run ended (for a partial journal, the last state it recorded).</summary>
    public required RunState FinalState { get; init; }

    /// <summary>The phases' edges, lab time.</summary>
    public required PhaseTimes Phases { get; init; }

    /// <summary>The charts over lab time, in display order.</summary>
    public required IReadOnlyList<ReportChart> Charts { get; init; }

    /// <summary>
    /// "What CloudWatch would show": the health, regions and status charts as 1-minute datapoints on the same x axis
    /// (<see cref="CloudWatchCharts"/>); empty when the run's experiment or topology no longer reads. Default empty.
    /// </summary>
    public IReadOnlyList<ReportChart> CloudWatch { get; init; } = [];

    /// <summary>The vertical markers every chart draws: fault start/end, failover, stop.</summary>
    public required IReadOnlyList<ChartMarker> Markers { get; init; }

    /// <summary>Rows of the journal that could not be read back, described.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The run id.</summary>
    public string RunId => Header.RunId;
}
