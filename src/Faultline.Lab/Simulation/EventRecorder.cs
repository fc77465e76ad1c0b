using Faultline.Core.Load;
using Faultline.Core.Runs;

namespace Faultline.Lab.Simulation;

/// <summary>Keeps a run's events in order (the simulated engine's batches measure runs from them).</summary>
public sealed class EventRecorder : IRunObserver
{
    private readonly List<RunEvent> _events = [];

    /// <summary>The events so far.</summary>
    public IReadOnlyList<RunEvent> Events => _events;

    /// <inheritdoc />
    public void OnStarted(RunStarted started)
    {
    }

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent) => _events.Add(runEvent);

    /// <inheritdoc />
    public void OnSecond(LoadSecond second)
    {
    }
}
