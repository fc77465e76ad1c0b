using Faultline.Core.Experiments;
using Faultline.Core.Checks;
using Faultline.Core.Runs;
using Faultline.TestUtils.Runs;

namespace Faultline.Core.Tests.Checks;

public sealed class ResolvedWindowTests
{
    private static readonly PhaseTimes Phases = new()
    {
        RunStart = SomeRun.T0,
        FaultStart = SomeRun.At(TimeSpan.FromMinutes(2)),
        FaultEnd = SomeRun.At(TimeSpan.FromMinutes(12)),
        RunEnd = SomeRun.At(TimeSpan.FromMinutes(15)),
    };

    [Fact]
    public void Resolve_Phase_SpansItsEdges()
    {
        var window = ResolvedWindow.Resolve(CheckWindow.During(Phase.Fault), Phases);

        Assert.Equal(new ResolvedWindow(SomeRun.At(TimeSpan.FromMinutes(2)), SomeRun.At(TimeSpan.FromMinutes(12))), window);
    }

    [Fact]
    public void Resolve_Offsets_AreAddedToEdges()
    {
        var window = ResolvedWindow.Resolve(new CheckWindow(new PhaseEdge(Phase.Fault, PhaseEdgeKind.Start, TimeSpan.FromMinutes(3)), new PhaseEdge(Phase.Recovery, PhaseEdgeKind.End, TimeSpan.FromMinutes(-1))), Phases);

        Assert.Equal(new ResolvedWindow(SomeRun.At(TimeSpan.FromMinutes(5)), SomeRun.At(TimeSpan.FromMinutes(14))), window);
    }

    [Fact]
    public void Resolve_UnreachedEdge_IsNull()
    {
        Assert.Null(ResolvedWindow.Resolve(CheckWindow.During(Phase.Fault), Phases with { FaultEnd = null }));
    }

    [Fact]
    public void Contains_End_IsExclusive()
    {
        var window = new ResolvedWindow(SomeRun.T0, SomeRun.At(TimeSpan.FromSeconds(10)));

        Assert.True(window.Contains(SomeRun.T0));
        Assert.False(window.Contains(SomeRun.At(TimeSpan.FromSeconds(10))));
    }
}
