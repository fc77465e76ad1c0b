using Faultline.Core.Experiments;
using Faultline.Core.Runs;
using Faultline.Reports.Charts;

namespace Faultline.Dashboard;

/// <summary>Everything the live page shows at one moment, sent as JSON from <c>/api/state</c>.</summary>
public sealed record DashboardSnapshot
{
    /// <summary>Grows with every change the page has not seen; the page redraws only when it moves.</summary>
    public required long Version { get; init; }

    /// <summary>The experiment's hypothesis.</summary>
    public required string Title { get; init; }

    /// <summary>The run's id, once it has one.</summary>
    public string? RunId { get; init; }

    /// <summary>Lab seconds per wall second.</summary>
    public double TimeScale { get; init; }

    /// <summary>The run's state (pending until the runner reports one).</summary>
    public required RunState State { get; init; }

    /// <summary>Why the run is in its state (e.g. the stop condition), when known.</summary>
    public string? StateReason { get; init; }

    /// <summary>The current phase, once the baseline has started.</summary>
    public Phase? Phase { get; init; }

    /// <summary>Lab seconds since the run's start (frozen at its end).</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>The experiment's actions and their states, in the order they first reported.</summary>
    public required IReadOnlyList<DashboardAction> Actions { get; init; }

    /// <summary>Every fault the run applied, active or reverted.</summary>
    public required IReadOnlyList<DashboardFault> Faults { get; init; }

    /// <summary>Each health check: healthy or not, and the share of checkers that see it healthy.</summary>
    public required IReadOnlyList<DashboardHealth> Health { get; init; }

    /// <summary>The answer each location gets for each name.</summary>
    public required IReadOnlyList<DashboardDnsAnswer> Dns { get; init; }

    /// <summary>Each population's last lab second.</summary>
    public required IReadOnlyList<DashboardPopulation> Populations { get; init; }

    /// <summary>The experiment's stop conditions and how close each is to firing.</summary>
    public IReadOnlyList<DashboardStopCondition> StopConditions { get; init; } = [];

    /// <summary>The checks evaluated so far (the verdict's, once it is in).</summary>
    public required IReadOnlyList<DashboardCheck> Checks { get; init; }

    /// <summary>The charts over lab time, the report's plus the checkers' share.</summary>
    public required IReadOnlyList<ReportChart> Charts { get; init; }

    /// <summary>
    /// "What CloudWatch would show": health, regions and status as 1-minute datapoints (Minimum for HealthCheckStatus,
    /// Sum for counts). While the run goes only complete minutes are shown, so a chart gains a point each lab minute;
    /// once it ended the last, partial minute is added. Default empty.
    /// </summary>
    public IReadOnlyList<ReportChart> CloudWatch { get; init; } = [];

    /// <summary>Vertical markers: fault start/end, failover, stop.</summary>
    public required IReadOnlyList<ChartMarker> Markers { get; init; }

    /// <summary>What went wrong with the run itself so far (lapsed leases, a lab that stopped answering), in order. Default empty.</summary>
    public IReadOnlyList<DashboardProblem> Problems { get; init; } = [];

    /// <summary>The final verdict, once the run has ended.</summary>
    public DashboardVerdict? Verdict { get; init; }

    /// <summary>How well the host keeps lab time; <c>null</c> before the first measured second.</summary>
    public DashboardHost? Host { get; init; }
}
