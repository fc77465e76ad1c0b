using Faultline.Cli.Commands.Run;
using Faultline.Core.Runs;
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
}
