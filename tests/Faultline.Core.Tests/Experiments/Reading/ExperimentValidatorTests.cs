using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Reading;
using Faultline.Core.Faults;

namespace Faultline.Core.Tests.Experiments.Reading;

public sealed class ExperimentValidatorTests
{
    [Fact]
    public void FindCycle_Chain_None()
    {
        Assert.Null(ExperimentValidator.FindCycle([Wait("a"), Wait("b", "a"), Wait("c", "b", "a")]));
    }

    [Fact]
    public void FindCycle_ThreeActions_ReturnsClosedPathInRunOrder()
    {
        var cycle = ExperimentValidator.FindCycle([Wait("start"), Wait("a", "start", "c"), Wait("b", "a"), Wait("c", "b")]);

        Assert.Equal(["a", "b", "c", "a"], cycle);
    }

    [Fact]
    public void FindCycle_SelfLoopAndUnknownNames_Ignored()
    {
        Assert.Null(ExperimentValidator.FindCycle([Wait("a", "a"), Wait("b", "missing")]));
    }

    [Fact]
    public void FindCycle_TwoActions_Found()
    {
        Assert.Equal(["x", "y", "x"], ExperimentValidator.FindCycle([Wait("x", "y"), Wait("y", "x")]));
    }

    [Theory]
    [InlineData(FaultKind.Latency, TargetType.Function)]
    [InlineData(FaultKind.Error, TargetType.Function)]
    [InlineData(FaultKind.HttpResponse, TargetType.Function)]
    [InlineData(FaultKind.Throttle, TargetType.Function)]
    [InlineData(FaultKind.Network, TargetType.Region)]
    [InlineData(FaultKind.Dns, TargetType.Record)]
    [InlineData(FaultKind.HealthOverride, TargetType.HealthCheck)]
    public void NeededType_EachKind_TheTypeItActsOn(FaultKind kind, TargetType expected)
    {
        Assert.Equal(expected, ExperimentValidator.NeededType(kind));
    }

    private static WaitAction Wait(string name, params string[] startAfter) =>
        new() { Name = name, Duration = TimeSpan.FromMinutes(1), StartAfter = startAfter };
}
