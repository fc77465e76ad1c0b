using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;

namespace Faultline.Core.Tests.Experiments.Reading;

public sealed class ExperimentReadResultTests
{
    [Fact]
    public void ThrowIfInvalid_Errors_ThrowsWithEveryDiagnostic()
    {
        var result = SeedExperimentYaml.Read(SeedExperimentYaml.With("timeScale: 20", "timeScale: 0").Replace("seed: 42", "seed: x", StringComparison.Ordinal));

        var exception = Assert.Throws<InvalidInputException>(() => result.ThrowIfInvalid());

        Assert.Equal(2, exception.Diagnostics.Count);
        Assert.Null(result.Experiment);
        Assert.Null(result.Topology);
        Assert.NotNull(result.TopologyResult?.Topology);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Constructor_WarningsOnly_KeepsExperiment()
    {
        var experiment = SeedExperimentYaml.Read(SeedExperimentYaml.Text).ThrowIfInvalid();

        var result = new ExperimentReadResult(experiment, null, [Diagnostic.Warning(null, "note", null)], ExperimentSourceMap.Empty);

        Assert.False(result.HasErrors);
        Assert.Same(experiment, result.ThrowIfInvalid());
    }
}
