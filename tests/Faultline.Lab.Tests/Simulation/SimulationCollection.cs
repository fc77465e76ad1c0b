namespace Faultline.Lab.Tests.Simulation;

/// <summary>
/// Runs the simulated-engine tests with no other test in parallel: a batch of simulated runs keeps every core busy,
/// and the live tests beside it would measure a starved host instead of the lab.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SimulationCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "simulated runs";
}
