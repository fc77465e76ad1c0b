using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// A run's events in the order they were raised, each handed to the sink (the journal) as it is kept. Problems are
/// raised once per kind and subject (a dead lab fails every renewal; one line says so). Observability never breaks a
/// run: a sink that throws becomes a <see cref="RunProblemKind.SinkFailed"/> problem and the run goes on.
/// </summary>
internal sealed class RunEventLog(TimeProvider time, Action<RunEvent>? sink)
{
    private readonly Lock _lock = new();
    private readonly List<RunEvent> _events = [];
    private readonly HashSet<(RunProblemKind Kind, string? Subject)> _problemKeys = [];

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<RunEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return _events.ToArray();
            }
        }
    }

    /// <summary>The problems so far, in order.</summary>
    public IReadOnlyList<RunProblem> Problems
    {
        get
        {
            lock (_lock)
            {
                return _events.OfType<RunProblem>().ToArray();
            }
        }
    }

    /// <summary>Keeps an event and hands it to the sink.</summary>
    public void Emit(RunEvent runEvent)
    {
        lock (_lock)
        {
            _events.Add(runEvent);
        }

        try
        {
            sink?.Invoke(runEvent);
        }
#pragma warning disable CA1031 // Observability never breaks a run: a failing sink is reported, the run goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Reported once per event type; a sink failing on its own report is not reported again.
            if (runEvent is not RunProblem { Kind: RunProblemKind.SinkFailed })
            {
                AddProblem(RunProblems.SinkFailed(time.GetUtcNow(), runEvent.GetType().Name, ex.Message));
            }
        }
    }

    /// <summary>Raises a problem, unless one of its kind and subject was raised already.</summary>
    public void AddProblem(RunProblem problem)
    {
        lock (_lock)
        {
            if (!_problemKeys.Add((problem.Kind, problem.Subject)))
            {
                return;
            }
        }

        Emit(problem);
    }
}
