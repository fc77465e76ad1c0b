using Faultline.Core.Experiments;
using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Verdict;

namespace Faultline.Core.Runs.Projection;

/// <summary>
/// A run as <see cref="RunProjection"/> knows it at one moment: immutable, so a renderer (console, dashboard,
/// metrics) reads it without locks while the run goes on.
/// </summary>
public sealed record RunSnapshot
{
    /// <summary>Grows with every change the projection took; equal versions are equal snapshots.</summary>
    public required long Version { get; init; }

    /// <summary>The run as it started; <c>null</c> before it has.</summary>
    public RunStarted? Started { get; init; }

    /// <summary>The run's state.</summary>
    public required RunState State { get; init; }

    /// <summary>Why it is in that state, when it says.</summary>
    public string? StateReason { get; init; }

    /// <summary>Whether the run has reached a final state (or has a verdict).</summary>
    public required bool Ended { get; init; }

    /// <summary>The current phase; <c>null</c> before the baseline.</summary>
    public Phase? Phase { get; init; }

    /// <summary>The phases' edges so far; the run's start is the baseline's (before it, the first thing seen).</summary>
    public required PhaseTimes Phases { get; init; }

    /// <summary>Lab time now (the run's end once it ended).</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The experiment's actions, in the order they were first reported.</summary>
    public required IReadOnlyList<ActionView> Actions { get; init; }

    /// <summary>Every health check, in topology order (then as first reported).</summary>
    public required IReadOnlyList<HealthView> Health { get; init; }

    /// <summary>Each location's current answer per name, by location then name.</summary>
    public required IReadOnlyList<DnsAnswerView> Dns { get; init; }

    /// <summary>Every fault the run applied, in order.</summary>
    public required IReadOnlyList<FaultView> Faults { get; init; }

    /// <summary>Each stop condition's progress, in the experiment's order.</summary>
    public required IReadOnlyList<StopConditionView> StopConditions { get; init; }

    /// <summary>The last evaluation of each check, in the order first evaluated.</summary>
    public required IReadOnlyList<CheckEvaluated> Checks { get; init; }

    /// <summary>Every problem the run reported, in order.</summary>
    public required IReadOnlyList<RunProblem> Problems { get; init; }

    /// <summary>Each population's latest lab second, by name.</summary>
    public required IReadOnlyList<LoadSecond> Populations { get; init; }

    /// <summary>How well the host kept time; <c>null</c> when not measured or before the first second.</summary>
    public HostView? Host { get; init; }

    /// <summary>The verdict, once the run has one.</summary>
    public RunVerdict? Verdict { get; init; }

    /// <summary>Every event in the order recorded (empty unless asked for with the history).</summary>
    public IReadOnlyList<RunEvent> Events { get; init; } = [];

    /// <summary>Every population's seconds in the order received (empty unless asked for with the history).</summary>
    public IReadOnlyList<LoadSecond> Traffic { get; init; } = [];

    /// <summary>Every host second (empty unless asked for with the history).</summary>
    public IReadOnlyList<HostSecond> HostSeconds { get; init; } = [];

    /// <summary>The health check <paramref name="id"/>, or <c>null</c>.</summary>
    public HealthView? HealthOf(string id) => Health.FirstOrDefault(h => string.Equals(h.Id, id, StringComparison.Ordinal));
}
