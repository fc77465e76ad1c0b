namespace Faultline.Cli.Tests.Commands.Fault;

/// <summary>
/// Tests that point <c>FAULTLINE_HOME</c> at a state directory of their own: the variable is the process's, so they
/// run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StateDirectoryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "FAULTLINE_HOME";
}
