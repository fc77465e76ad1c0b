using Faultline.Cli.Tests.Support;
using Faultline.TestUtils;
using Spectre.Console;

namespace Faultline.Cli.Tests.Commands.Run;

/// <summary>
/// <c>faultline run</c> exits after the verdict, at a terminal too (so <c>faultline run a &amp;&amp; faultline run b</c>
/// goes on); only <c>--keep-dashboard</c> keeps serving it, and never after Ctrl-C.
/// </summary>
public sealed class RunExitTests : IDisposable
{
    // Long enough for the command to hang if it waited for a key, short enough for a test that must not.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    private readonly string _home = Directory.CreateTempSubdirectory("faultline-run-exit-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    // A few lab seconds of the seed at time scale 20: the shortest live run with a verdict.
    private string Experiment(string faultFor)
    {
        var path = Path.Combine(_home, "short.yaml");
        File.WriteAllText(path, $$"""
            topology: {{RepoPaths.Combine("samples", "seed", "topology.yaml")}}
            timeScale: 20
            hypothesis:
              title: a short run ends with a verdict
              checks:
                - { name: answered, clients: all, during: baseline, successRate: ">= 1%" }
            load: { baseline: 2s, recovery: 1s }
            targets:
              us-functions: { type: function, region: us-east-1 }
            actions:
              inject-latency: { fault: latency, target: us-functions, delay: 1ms, duration: {{faultFor}} }
            awsTiming: { lambdaRampUp: 0s, lambdaRampDown: 0s }
            """);
        return path;
    }

    private static IAnsiConsole Terminal(TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 250;
        return console;
    }

    [Fact]
    public async Task Run_AtATerminal_ExitsAfterTheVerdict()
    {
        using var output = new WatchedWriter();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(Deadline);

        var code = await FaultlineApp.Create(Terminal(output)).RunAsync(["run", Experiment("2s"), "--out", Path.Combine(_home, "runs")], deadline.Token);

        Assert.False(deadline.IsCancellationRequested, $"the run did not exit by itself:\n{output}");
        Assert.Contains("verdict: ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("still serving", output.ToString(), StringComparison.Ordinal);
        Assert.True(code is ExitCodes.Ok or ExitCodes.Refuted, output.ToString());
    }

    [Fact]
    public async Task Run_KeepDashboardThenCtrlC_DoesNotClaimToStillServe()
    {
        using var output = new WatchedWriter();
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = FaultlineApp.Create(Terminal(output)).RunAsync(["run", Experiment("10m"), "--keep-dashboard", "--out", Path.Combine(_home, "runs")], ctrlC.Token);

        await output.SeenAsync("phase baseline").WaitAsync(Deadline, TestContext.Current.CancellationToken);
        await ctrlC.CancelAsync();
        var code = await run.WaitAsync(Deadline, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Stopped, code);
        Assert.DoesNotContain("still serving", output.ToString(), StringComparison.Ordinal);
    }
}
