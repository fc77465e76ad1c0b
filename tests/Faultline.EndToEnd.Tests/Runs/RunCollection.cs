namespace Faultline.EndToEnd.Tests.Runs;

/// <summary>
/// Whole labs and runs go one at a time: each drives a lab at 20× with real sockets, and on a 2-core machine several at
/// once would measure the machine rather than the lab.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunCollection
{
    public const string Name = "runs";
}
