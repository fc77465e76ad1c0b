using Faultline.Cli.Commands.Run;
using Faultline.Core.Runs;
using Faultline.TestUtils;
using Faultline.TestUtils.Runs;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console;

namespace Faultline.Cli.Tests.Commands.Run;

public sealed class ConsoleRunObserverTests
{
    private static (ConsoleRunObserver Observer, StringWriter Output) Create()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 400;
        return (new ConsoleRunObserver(console, new FakeTimeProvider()), output);
    }

    [Fact]
    public void OnEvent_ProblemThatUnderminesTheVerdict_PrintsItAtOnceSayingSo()
    {
        var (observer, output) = Create();

        observer.OnEvent(new RunProblem
        {
            At = DateTimeOffset.UnixEpoch,
            Kind = RunProblemKind.LabUnreachable,
            Subject = "http://127.0.0.1:8474",
            UnderminesVerdict = true,
            Message = "the lab at http://127.0.0.1:8474 stopped answering at T+3:12",
        });

        Assert.Contains(
            "problem (lab-unreachable): the lab at http://127.0.0.1:8474 stopped answering at T+3:12 — the verdict cannot rest on this run's evidence",
            output.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvent_ProblemThatDoesNotUndermine_PrintsItWithoutTheWarning()
    {
        var (observer, output) = Create();

        observer.OnEvent(new RunProblem { At = DateTimeOffset.UnixEpoch, Kind = RunProblemKind.SinkFailed, Message = "the event sink failed on a HealthChanged event: disk full" });

        Assert.Contains("problem (sink-failed): the event sink failed on a HealthChanged event: disk full", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cannot rest", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvent_FaultRevertedBecauseItsLeaseLapsed_SaysLeaseExpired()
    {
        var (observer, output) = Create();

        observer.OnEvent(new FaultRevertedEvent { At = DateTimeOffset.UnixEpoch, FaultId = "f1", Reason = "lease-expired" });

        Assert.Contains("fault f1 reverted (lease-expired)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvent_AfterTheBaselineStarted_StampsCountFromItAsTheProblemsDo()
    {
        var (observer, output) = Create();
        var start = DateTimeOffset.UnixEpoch;

        observer.OnEvent(new PhaseStarted { At = start, Phase = Core.Experiments.Phase.Baseline });
        observer.OnEvent(new RunProblem { At = start.AddSeconds(192), Kind = RunProblemKind.LabUnreachable, UnderminesVerdict = true, Message = "the lab at http://127.0.0.1:8474 stopped answering at T+3:12" });

        Assert.Contains("T+03:12 (0.0s) problem (lab-unreachable)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvent_HealthFlip_SaysItInTheLabLogsWords()
    {
        var (observer, output) = Create();
        var topology = Some.Topology() with
        {
            HealthChecks = [Some.Topology().HealthChecks[0], Some.Topology().HealthChecks[1] with { Checkers = 8 }],
        };
        var send = Start(observer, topology);

        send(new HealthChanged { At = DateTimeOffset.UnixEpoch, HealthCheck = "hc-us", Healthy = false, PercentageHealthy = 12.5 });
        send(new HealthChanged { At = DateTimeOffset.UnixEpoch, HealthCheck = "hc-eu", Healthy = false, PercentageHealthy = 37.5 });
        send(new HealthChanged { At = DateTimeOffset.UnixEpoch.AddMinutes(1), HealthCheck = "hc-us", Healthy = true, PercentageHealthy = 100 });

        var text = output.ToString();
        Assert.Contains("hc-us unhealthy: 2 of 16 checkers (13%) see it healthy", text, StringComparison.Ordinal);
        Assert.Contains("hc-eu unhealthy: 3 of 8 checkers (38%) see it healthy", text, StringComparison.Ordinal);
        Assert.Contains("hc-us healthy: 16 of 16 checkers (100%) see it healthy", text, StringComparison.Ordinal);
    }

    // Starts the observer on a run of the topology; events go to it through the run's projection, as the runner sends them.
    private static Action<RunEvent> Start(ConsoleRunObserver observer, Core.Topology.Topology topology)
    {
        var started = new SomeRun(topology).Start(new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        observer.OnStarted(started);
        return runEvent =>
        {
            started.State.Record(runEvent);
            observer.OnEvent(runEvent);
        };
    }
}
