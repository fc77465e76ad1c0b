using Faultline.Core.Host;
using Faultline.Core.Load;
using Faultline.Core.Runs;
using Faultline.Core.Runs.Projection;
using Faultline.Core.Verdict;
using Faultline.TestUtils.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Dashboard.Tests;

/// <summary>
/// Plays a built run into an observer as the runner would: the run's projection takes each event and finished second
/// first, then the observer hears of it, in lab-time order with the lab clock following.
/// </summary>
internal sealed class Replay
{
    private readonly IRunObserver _observer;
    private readonly List<(DateTimeOffset At, Action Play)> _items;
    private int _next;

    public Replay(IRunObserver observer, RunObservations observations, HostBudget? hostBudget = null)
    {
        _observer = observer;
        Projection = new RunProjection(observations.Experiment, observations.Topology);

        // A second is reported once it is over.
        _items = [.. observations.Events.Select(e => (e.At, (Action)(() => Record(e))))
            .Concat(observations.Traffic.Select(s => (s.Start.AddSeconds(1), (Action)(() => Record(s)))))
            .OrderBy(i => i.Item1)];
        var started = new RunStarted
        {
            RunId = "run-1",
            Directory = "/runs/run-1",
            LabTime = Clock,
            TimeScale = 20,
            Seed = 42,
            ControlUrl = new Uri("http://127.0.0.1:1/"),
            Populations = ["us-customers", "eu-customers"],
            OwnLab = true,
            HostBudget = hostBudget,
            State = Projection,
        };
        Projection.Start(started);
        observer.OnStarted(started);
    }

    /// <summary>The lab clock, at the moment played up to.</summary>
    public FakeTimeProvider Clock { get; } = new(SomeRun.T0);

    /// <summary>The run's projection, fed as the runner feeds it.</summary>
    public RunProjection Projection { get; }

    /// <summary>Plays everything up to <paramref name="offset"/> after the run's start.</summary>
    public Replay Until(TimeSpan offset)
    {
        var end = SomeRun.At(offset);
        while (_next < _items.Count && _items[_next].At <= end)
        {
            var (at, play) = _items[_next++];
            if (at > Clock.GetUtcNow())
            {
                Clock.SetUtcNow(at);
            }

            play();
        }

        if (end > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(end);
        }

        return this;
    }

    /// <summary>Records one more event, as the runner does.</summary>
    public void Record(RunEvent runEvent)
    {
        Projection.Record(runEvent);
        _observer.OnEvent(runEvent);
    }

    /// <summary>Records one more finished second, as the runner does.</summary>
    public void Record(LoadSecond second)
    {
        Projection.Record(second);
        _observer.OnSecond(second);
    }

    /// <summary>Records one more lab second of host timing, as the runner does.</summary>
    public void Record(HostSecond second)
    {
        Projection.Record(second);
        _observer.OnHostSecond(second);
    }

    /// <summary>Ends the run with <paramref name="verdict"/>, as the runner does.</summary>
    public void Complete(RunVerdict verdict, RunState finalState) => Projection.Complete(verdict, finalState);
}
