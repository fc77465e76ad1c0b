namespace Faultline.Core.Experiments;

/// <summary>Which client populations send load, and how long the phases around the faults last.</summary>
public sealed record LoadPlan
{
    /// <summary>Default baseline: 2 minutes of load before the first fault.</summary>
    public static readonly TimeSpan DefaultBaseline = TimeSpan.FromMinutes(2);

    /// <summary>Default recovery: 3 minutes of load after the last fault.</summary>
    public static readonly TimeSpan DefaultRecovery = TimeSpan.FromMinutes(3);

    /// <summary>The populations (topology clients) that send, with optional rate overrides; empty means every client of the topology.</summary>
    public IReadOnlyList<LoadPopulation> Populations { get; init; } = [];

    /// <summary>Load with no faults before the first action starts; baseline checks are evaluated at its end.</summary>
    public TimeSpan Baseline { get; init; } = DefaultBaseline;

    /// <summary>Load after the last action ends.</summary>
    public TimeSpan Recovery { get; init; } = DefaultRecovery;
}
