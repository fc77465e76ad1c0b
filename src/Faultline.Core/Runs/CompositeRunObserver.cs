using Faultline.Core.Host;
using Faultline.Core.Load;

namespace Faultline.Core.Runs;

/// <summary>Passes every call on to several observers in order; one that throws does not keep the others from hearing.</summary>
public sealed class CompositeRunObserver : IRunObserver
{
    private readonly IRunObserver[] _observers;

    /// <summary>Observers called in the order given.</summary>
    public CompositeRunObserver(params IEnumerable<IRunObserver> observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        _observers = [.. observers];
    }

    /// <inheritdoc />
    public void OnStarted(RunStarted started) => Each(o => o.OnStarted(started));

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent) => Each(o => o.OnEvent(runEvent));

    /// <inheritdoc />
    public void OnSecond(LoadSecond second) => Each(o => o.OnSecond(second));

    /// <inheritdoc />
    public void OnHostSecond(HostSecond second) => Each(o => o.OnHostSecond(second));

    private void Each(Action<IRunObserver> call)
    {
        List<Exception>? failures = null;
        foreach (var observer in _observers)
        {
            try
            {
                call(observer);
            }
#pragma warning disable CA1031 // The others still hear; the failures are rethrown together for the runner to log.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw failures.Count == 1 ? failures[0] : new AggregateException(failures);
        }
    }
}
