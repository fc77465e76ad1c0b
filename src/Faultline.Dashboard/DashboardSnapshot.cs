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

    /// <summary>The checks evaluated so far (the verdict's, once it is in).</summary>
    public required IReadOnlyList<DashboardCheck> Checks { get; init; }

    /// <summary>The charts over lab time, the report's plus the checkers' share.</summary>
    public required IReadOnlyList<ReportChart> Charts { get; init; }

    /// <summary>Vertical markers: fault start/end, failover, stop.</summary>
    public required IReadOnlyList<ChartMarker> Markers { get; init; }

    /// <summary>The final verdict, once the run has ended.</summary>
    public DashboardVerdict? Verdict { get; init; }
}

/// <summary>An action of the experiment and its state.</summary>
/// <param name="Name">The action's name.</param>
/// <param name="State">Its current state.</param>
/// <param name="Detail">Why it is in that state, when known (e.g. why it failed).</param>
public sealed record DashboardAction(string Name, ActionState State, string? Detail);

/// <summary>A fault the run applied.</summary>
/// <param name="Id">The fault's id.</param>
/// <param name="Kind">Its kind (e.g. <c>error</c>, <c>latency</c>).</param>
/// <param name="Action">The action that applied it, if any.</param>
/// <param name="Targets">What it applies to.</param>
/// <param name="Active">Whether it is still applied.</param>
/// <param name="StartSeconds">Lab seconds since the run's start when it was applied.</param>
/// <param name="EndSeconds">Lab seconds since the run's start when it was reverted.</param>
/// <param name="RevertReason">Why it was reverted.</param>
public sealed record DashboardFault(string Id, string Kind, string? Action, IReadOnlyList<string> Targets, bool Active, double StartSeconds, double? EndSeconds, string? RevertReason);

/// <summary>A health check's status.</summary>
/// <param name="Id">The health check's id.</param>
/// <param name="Healthy">Whether Route 53 would call it healthy now.</param>
/// <param name="PercentageHealthy">The share (0–100) of checkers that see it healthy, when known.</param>
public sealed record DashboardHealth(string Id, bool Healthy, double? PercentageHealthy);

/// <summary>The DNS answer a location gets for a name.</summary>
/// <param name="Location">Where the resolver is.</param>
/// <param name="Name">The name asked for.</param>
/// <param name="Regions">The regions answered (empty for no answer).</param>
/// <param name="Outcome">How the query ended, e.g. <c>answer</c> or <c>nxdomain</c>.</param>
public sealed record DashboardDnsAnswer(string Location, string Name, IReadOnlyList<string> Regions, string Outcome);

/// <summary>A population's last lab second.</summary>
/// <param name="Name">The population.</param>
/// <param name="Attempts">Requests with an outcome in that second.</param>
/// <param name="SuccessRate">Share of them with a 2xx (0–100), when there were any.</param>
/// <param name="P50Ms">Median latency, ms.</param>
/// <param name="P99Ms">99th percentile latency, ms.</param>
/// <param name="Regions">Responses per serving region.</param>
public sealed record DashboardPopulation(string Name, long Attempts, double? SuccessRate, double? P50Ms, double? P99Ms, IReadOnlyDictionary<string, long> Regions);

/// <summary>A check of the hypothesis as evaluated so far.</summary>
/// <param name="Name">The check.</param>
/// <param name="Passed">Whether it passed; <c>null</c> while undecided.</param>
/// <param name="Measured">What was measured.</param>
/// <param name="Expected">The threshold.</param>
public sealed record DashboardCheck(string Name, bool? Passed, string? Measured, string? Expected);

/// <summary>The run's verdict, shown once the run ends.</summary>
/// <param name="Kind">held, refuted, inconclusive or not-run, in kebab case.</param>
/// <param name="Summary">The one-line summary.</param>
/// <param name="Html">The verdict, diagnosis, checks, impact and timeline as the report renders them.</param>
/// <param name="ReportUrl">Where the page serves the full report, once written.</param>
public sealed record DashboardVerdict(string Kind, string Summary, string Html, string? ReportUrl);
