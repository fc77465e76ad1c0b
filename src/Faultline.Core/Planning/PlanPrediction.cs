using Faultline.Core.Verdict;

namespace Faultline.Core.Planning;

/// <summary>What an <see cref="IPlanPredictor"/> expects of an experiment over a number of seeds.</summary>
public sealed record PlanPrediction
{
    /// <summary>How many seeds <c>faultline plan</c> predicts over: 20.</summary>
    public const int DefaultSeeds = 20;

    /// <summary>How many runs were predicted.</summary>
    public required int Seeds { get; init; }

    /// <summary>The first run's seed.</summary>
    public required int FirstSeed { get; init; }

    /// <summary>How many runs reached each verdict; a verdict no run reached may be missing.</summary>
    public required IReadOnlyDictionary<VerdictKind, int> Verdicts { get; init; }

    /// <summary>How many runs a stop condition ended. Default 0.</summary>
    public int Stopped { get; init; }

    /// <summary>Time from the fault phase's start to each health check turning unhealthy, one entry per health check.</summary>
    public IReadOnlyList<PlanTiming> TimeToUnhealthy { get; init; } = [];

    /// <summary>Time from the fault phase's start to each location's answer for a record moving, one entry per location and record.</summary>
    public IReadOnlyList<PlanTiming> TimeToDnsMove { get; init; } = [];
}
