namespace Faultline.Core.Experiments;

/// <summary>
/// An experiment (docs/experiments.md): a hypothesis checked against customer load while actions inject faults on an
/// FIS-style schedule, with stop conditions. Immutable; produced by the experiment reader.
/// </summary>
public sealed record Experiment
{
    /// <summary>The topology file, as an absolute path (resolved against the experiment file's folder).</summary>
    public required string TopologyPath { get; init; }

    /// <summary>Lab seconds per wall second; <c>null</c> leaves it to the command line or the topology.</summary>
    public double? TimeScale { get; init; }

    /// <summary>The seed of the run's random source; <c>null</c> leaves it to the command line (default 42).</summary>
    public int? Seed { get; init; }

    /// <summary>What the experiment sets out to show.</summary>
    public required Hypothesis Hypothesis { get; init; }

    /// <summary>The customer load and the phases around the faults.</summary>
    public required LoadPlan Load { get; init; }

    /// <summary>Named targets actions refer to, in file order.</summary>
    public IReadOnlyList<TargetDefinition> Targets { get; init; } = [];

    /// <summary>The action graph, in file order.</summary>
    public IReadOnlyList<ActionDefinition> Actions { get; init; } = [];

    /// <summary>How long AWS takes to make actions take effect and to stop them. Default <see cref="AwsTiming.Default"/> (AWS's documented timing).</summary>
    public AwsTiming AwsTiming { get; init; } = AwsTiming.Default;

    /// <summary>Alarms that stop the run and revert every fault.</summary>
    public IReadOnlyList<StopConditionDefinition> StopConditions { get; init; } = [];

    /// <summary>Where the experiment was read from, or <c>null</c> when built in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Finds a target by name.</summary>
    public TargetDefinition? FindTarget(string name) => Targets.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));

    /// <summary>Finds an action by name.</summary>
    public ActionDefinition? FindAction(string name) => Actions.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
}
