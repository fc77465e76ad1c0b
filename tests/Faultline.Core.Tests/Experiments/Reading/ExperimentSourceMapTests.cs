using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments.Reading;

namespace Faultline.Core.Tests.Experiments.Reading;

public sealed class ExperimentSourceMapTests
{
    [Fact]
    public void Read_Seed_LocatesChecksTargetsActionsAndStopConditions()
    {
        var map = SeedExperimentYaml.Read(SeedExperimentYaml.Text).SourceMap;

        Assert.Equal("experiment.yaml:1:11", map.Topology()?.ToString());
        Assert.Equal("experiment.yaml:8:7", map.Check(1)?.ToString());
        Assert.Equal("experiment.yaml:8:91", map.Check(1, "successRate")?.ToString());
        Assert.Equal("experiment.yaml:18:3", map.Target("us-functions")?.ToString());
        Assert.Equal("experiment.yaml:18:43", map.Target("us-functions", "region")?.ToString());
        Assert.Equal("experiment.yaml:20:3", map.Action("inject-latency")?.ToString());
        Assert.Equal("experiment.yaml:20:98", map.Action("inject-latency", "duration")?.ToString());
        Assert.Equal("experiment.yaml:22:5", map.StopCondition(0)?.ToString());
        Assert.Equal("experiment.yaml:22:70", map.StopCondition(0, "below")?.ToString());
    }

    [Fact]
    public void Find_UnknownPathOrKey_FallsBackOrNull()
    {
        var map = new ExperimentSourceMap(new Dictionary<string, SourceLocation> { ["actions/a"] = new("e.yaml", 3, 3) });

        Assert.Equal("e.yaml:3:3", map.Action("a", "nope")?.ToString());
        Assert.Null(map.Action("b"));
        Assert.Null(ExperimentSourceMap.Empty.Check(0));
    }
}
