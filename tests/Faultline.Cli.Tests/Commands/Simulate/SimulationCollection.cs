namespace Faultline.Cli.Tests.Commands.Simulate;

/// <summary>Runs the simulate and plan-prediction tests alone: their batches keep every core busy.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SimulationCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "simulated runs";
}
