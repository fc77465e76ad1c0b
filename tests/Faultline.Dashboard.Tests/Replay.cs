using Faultline.Core.Runs;
using Faultline.Lab.Runs;
using Faultline.TestUtils.Runs;
using Microsoft.Extensions.Time.Testing;

namespace Faultline.Dashboard.Tests;

/// <summary>Plays a built run into an observer as the runner would: started, then events and finished seconds in lab-time order, the lab clock following.</summary>
internal sealed class Replay
{
    private readonly IRunObserver _observer;
    private readonly List<(DateTimeOffset At, Action Play)> _items;
    private int _next;

    public Replay(IRunObserver observer, RunObservations observations)
    {
        _observer = observer;

        // A second is reported once it is over.
        _items = [.. observations.Events.Select(e => (e.At, (Action)(() => observer.OnEvent(e))))
            .Concat(observations.Traffic.Select(s => (s.Start.AddSeconds(1), (Action)(() => observer.OnSecond(s)))))
            .OrderBy(i => i.Item1)];
        observer.OnStarted(new RunStarted
        {
            RunId = "run-1",
            Directory = "/runs/run-1",
            LabTime = Clock,
            TimeScale = 20,
            Seed = 42,
            ControlUrl = new Uri("http://127.0.0.1:1/"),
            Populations = ["us-customers", "eu-customers"],
            OwnLab = true,
        });
    }

    /// <summary>The lab clock, at the moment played up to.</summary>
    public FakeTimeProvider Clock { get; } = new(SomeRun.T0);

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

    /// <summary>The observer played into.</summary>
    public IRunObserver Observer => _observer;
}
