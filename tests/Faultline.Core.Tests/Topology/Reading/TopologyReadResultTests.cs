using Faultline.Core.Diagnostics;
using Faultline.Core.Topology.Reading;
using Faultline.TestUtils;
using Xunit;

namespace Faultline.Core.Tests.Topology.Reading;

public sealed class TopologyReadResultTests
{
    [Fact]
    public void Constructor_WithError_DropsTopology()
    {
        var result = new TopologyReadResult(Some.Topology(), [Diagnostic.Error(null, "bad", null)], TopologySourceMap.Empty);

        Assert.True(result.HasErrors);
        Assert.Null(result.Topology);
        Assert.Throws<InvalidInputException>(() => result.ThrowIfInvalid());
    }

    [Fact]
    public void Constructor_WarningsOnly_KeepsTopology()
    {
        var topology = Some.Topology();

        var result = new TopologyReadResult(topology, [Diagnostic.Warning(null, "hmm", null)], TopologySourceMap.Empty);

        Assert.False(result.HasErrors);
        Assert.Same(topology, result.ThrowIfInvalid());
    }
}
