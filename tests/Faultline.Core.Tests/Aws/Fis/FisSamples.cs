using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.TestUtils;

namespace Faultline.Core.Tests.Aws.Fis;

/// <summary>The repository's sample experiments, read with their topologies.</summary>
internal static class FisSamples
{
    /// <summary>Samples that use what AWS cannot express, so they do not export.</summary>
    public static readonly string[] NotExportable = ["samples/all-fields/experiment.yaml"];

    /// <summary>Every experiment under samples/, as repository-relative paths.</summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(RepoPaths.Combine("samples"), "*.yaml", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}aws{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .Where(p => Path.GetFileName(p).StartsWith("experiment", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>Reads a sample; fails the test if it has errors.</summary>
    public static (Experiment Experiment, Core.Topology.Topology Topology) Read(string relativePath)
    {
        var read = ExperimentReader.Load(RepoPaths.Combine(relativePath.Split('/')));
        Assert.False(read.HasErrors, string.Join("\n", read.Diagnostics));
        return (read.Experiment!, read.Topology!);
    }
}
