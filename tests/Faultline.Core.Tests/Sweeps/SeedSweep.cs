using Faultline.Core.Sweeps;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Sweeps;

/// <summary>The seed sample as sweep sources, with the display paths a user at the repository root would see.</summary>
internal static class SeedSweep
{
    public const string ExperimentPath = "samples/seed/experiment.yaml";

    public const string TopologyPath = "samples/seed/topology.yaml";

    public static SweepSources Sources { get; } = new(
        File.ReadAllText(RepoPaths.Combine("samples", "seed", "experiment.yaml")),
        ExperimentPath,
        File.ReadAllText(RepoPaths.Combine("samples", "seed", "topology.yaml")),
        TopologyPath);

    public static SweepPlan Plan(params string[] arguments) => SweepPlan.Parse(arguments).ThrowIfInvalid();

    /// <summary>Applies the single point of one-valued arguments.</summary>
    public static SweepApplication ApplyOne(params string[] arguments) => SweepApplier.Apply(Sources, Assert.Single(Plan(arguments).Points));

    /// <summary>Applies a sweep whose points are all expected to read; returns them.</summary>
    public static IReadOnlyList<SweepApplication> ApplyAll(params string[] arguments)
    {
        var result = SweepApplier.ApplyAll(Sources, Plan(arguments));
        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        return result.Applications;
    }

    /// <summary>The rendered problems of a sweep (path problems once, value problems per point).</summary>
    public static IReadOnlyList<string> Problems(params string[] arguments) =>
        SweepApplier.ApplyAll(Sources, Plan(arguments)).Diagnostics.Select(d => d.ToString()).ToList();
}
