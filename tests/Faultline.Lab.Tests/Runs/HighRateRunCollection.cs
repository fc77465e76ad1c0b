namespace Faultline.Lab.Tests.Runs;

/// <summary>Runs <see cref="HighRateRunTests"/> with no other test in parallel.</summary>
[CollectionDefinition(HighRateRunTests.Collection, DisableParallelization = true)]
public sealed class HighRateRunCollection;
