using Faultline.Lab.Simulation;
using Faultline.TestUtils;
using Spectre.Console;

namespace Faultline.Cli.Tests.Commands.Simulate;

[Collection(SimulationCollection.Name)]
public sealed class PlanPredictionTests
{
    [Fact]
    public async Task Plan_WithTheSimulatedPredictor_PredictsTheSeedsFailoverOver20Seeds()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 250;

        var code = await FaultlineApp.Create(console, new SimulatedPlanPredictor()).RunAsync(["plan", RepoPaths.Combine("samples", "seed", "experiment.yaml")], TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("20 simulated runs, seeds 42 to 61: held 20", text, StringComparison.Ordinal);
        Assert.Contains("time to unhealthy, hc-us: median", text, StringComparison.Ordinal);
        Assert.Contains("in 20 of 20 runs", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_Misconfigured_PredictsRefutedAndNoFailover()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 250;

        await FaultlineApp.Create(console, new SimulatedPlanPredictor()).RunAsync(["plan", RepoPaths.Combine("samples", "seed", "misconfigured", "experiment.yaml")], TestContext.Current.CancellationToken);

        var text = output.ToString();
        Assert.Contains("refuted 20", text, StringComparison.Ordinal);
        Assert.DoesNotContain("time to unhealthy, hc-us", text, StringComparison.Ordinal);
    }
}
