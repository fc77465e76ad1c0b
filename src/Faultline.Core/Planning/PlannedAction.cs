namespace Faultline.Core.Planning;

/// <summary>One action of the graph placed in lab time, as offsets from the run's start.</summary>
public sealed record PlannedAction
{
    /// <summary>The action's name.</summary>
    public required string Name { get; init; }

    /// <summary>What it does, in words: <c>fault latency</c>, <c>wait</c>, <c>configure</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The target it acts on, or <c>null</c> (wait).</summary>
    public string? Target { get; init; }

    /// <summary>The actions it starts after (empty: it starts with the fault phase).</summary>
    public IReadOnlyList<string> StartAfter { get; init; } = [];

    /// <summary>When it starts (offset from the run's start).</summary>
    public required TimeSpan Start { get; init; }

    /// <summary>When it completes (offset from the run's start); equal to <see cref="Start"/> for instantaneous actions.</summary>
    public required TimeSpan End { get; init; }

    /// <summary>
    /// When the first of its targets can see it, if later than <see cref="Start"/>: a configure action's change lands at
    /// its end (<see cref="Experiments.AwsTiming.ConfigureDelay"/>). Default <c>null</c>: at <see cref="Start"/>.
    /// </summary>
    public TimeSpan? EffectFrom { get; init; }

    /// <summary>
    /// When every one of its targets sees it at the latest, if later than <see cref="EarliestEffect"/>: a fault through the
    /// FIS Lambda extension by its start + <see cref="Experiments.AwsTiming.LambdaRampUp"/>. Default <c>null</c>: at
    /// <see cref="EarliestEffect"/>.
    /// </summary>
    public TimeSpan? EffectBy { get; init; }

    /// <summary>When the first of its targets can see it.</summary>
    public TimeSpan EarliestEffect => EffectFrom ?? Start;

    /// <summary>When every one of its targets sees it.</summary>
    public TimeSpan LatestEffect => EffectBy ?? EarliestEffect;

    /// <summary>Whether it can change what requests or health probes see: a fault or a configuration change (not a wait).</summary>
    public required bool Injects { get; init; }
}
