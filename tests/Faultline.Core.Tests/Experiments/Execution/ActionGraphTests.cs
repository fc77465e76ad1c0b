using Faultline.Core.Diagnostics;
using Faultline.Core.Experiments;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Tests.Experiments.Reading;

namespace Faultline.Core.Tests.Experiments.Execution;

public sealed class ActionGraphTests
{
    private const string SeedAction = "  inject-latency: { fault: latency, target: us-functions, delay: 60s, percentage: 100, duration: 10m }";

    [Fact]
    public void FindCycle_Chain_None()
    {
        Assert.Null(ActionGraph.FindCycle([Wait("a"), Wait("b", "a"), Wait("c", "b", "a")]));
    }

    [Fact]
    public void FindCycle_ThreeActions_ReturnsClosedPathInRunOrder()
    {
        var cycle = ActionGraph.FindCycle([Wait("start"), Wait("a", "start", "c"), Wait("b", "a"), Wait("c", "b")]);

        Assert.Equal(["a", "b", "c", "a"], cycle);
    }

    [Fact]
    public void FindCycle_SelfLoopAndUnknownNames_Ignored()
    {
        Assert.Null(ActionGraph.FindCycle([Wait("a", "a"), Wait("b", "missing")]));
    }

    [Fact]
    public void FindCycle_TwoActions_Found()
    {
        Assert.Equal(["x", "y", "x"], ActionGraph.FindCycle([Wait("x", "y"), Wait("y", "x")]));
    }

    [Fact]
    public void Build_Cycle_GivesTheMessageTheValidatorGivesForTheSameGraph()
    {
        // The same graph read from YAML: the validator places the cycle in the file.
        var yaml = SeedExperimentYaml.With(SeedAction, SeedAction + "\n  a: { wait: 1m, startAfter: [c] }\n  b: { wait: 1m, startAfter: [a] }\n  c: { wait: 1m, startAfter: [b] }");
        var read = Assert.Single(SeedExperimentYaml.Read(yaml).Diagnostics);

        var error = Assert.Throws<InvalidInputException>(() => ActionGraph.Build([Wait("a", "c"), Wait("b", "a"), Wait("c", "b")]));

        var built = Assert.Single(error.Diagnostics);
        Assert.Equal("the actions form a cycle: a -> b -> c -> a; remove one startAfter of the cycle; no action in it could ever start", built.ToString());
        Assert.Equal((read.Message, read.Fix), (built.Message, built.Fix));
    }

    [Fact]
    public void Build_EveryBrokenRule_ReportedTogetherWithTheReadersWording()
    {
        var error = Assert.Throws<InvalidInputException>(() => ActionGraph.Build([Wait("a"), Wait("a"), Wait("b", "b"), Wait("c", "nope")]));

        Assert.Equal(
            [
                "action 'a' is defined twice; give each action its own name",
                "action 'b' starts after itself; remove it from its own startAfter",
                "action 'c' names action 'nope', which is not defined; defined actions: a, b, c",
            ],
            error.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void InStartOrder_EachActionAfterItsPredecessors_OtherwiseAsWritten()
    {
        var graph = ActionGraph.Build([Wait("late", "mid"), Wait("first"), Wait("mid", "first"), Wait("free")]);

        Assert.Equal(["first", "mid", "late", "free"], graph.InStartOrder.Select(a => a.Name));
        Assert.Equal(["late", "first", "mid", "free"], graph.Actions.Select(a => a.Name));
    }

    [Fact]
    public void PredecessorsAndSuccessors_EachOnce()
    {
        var graph = ActionGraph.Build([Wait("a"), Wait("b", "a", "a"), Wait("c", "a", "b")]);

        Assert.Equal(["a"], graph.PredecessorsOf("b"));
        Assert.Equal(["b", "c"], graph.SuccessorsOf("a"));
        Assert.Empty(graph.SuccessorsOf("c"));
    }

    private static WaitAction Wait(string name, params string[] startAfter) =>
        new() { Name = name, Duration = TimeSpan.FromMinutes(1), StartAfter = startAfter };
}
