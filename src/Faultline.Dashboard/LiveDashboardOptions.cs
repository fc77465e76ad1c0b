using Faultline.Core.Experiments;

namespace Faultline.Dashboard;

/// <summary>How <see cref="LiveDashboard"/> serves a run.</summary>
public sealed record LiveDashboardOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The experiment's hypothesis, the page's heading.</summary>
    public required string Title { get; init; }

    /// <summary>Every health check of the topology and whether it starts healthy.</summary>
    public IReadOnlyDictionary<string, bool> HealthChecks { get; init; } = new Dictionary<string, bool>(StringComparer.Ordinal);

    /// <summary>The experiment's stop conditions, watched over the same seconds the runner watches them. Default none.</summary>
    public IReadOnlyList<StopConditionDefinition> StopConditions { get; init; } = [];

    /// <summary>How often the lab is asked for its checkers' share (wall time). Default: one second.</summary>
    public TimeSpan HealthPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The wall clock the poll runs on.</summary>
    public TimeProvider Wall { get; init; } = TimeProvider.System;
}
