using Microsoft.Extensions.Time.Testing;

namespace Faultline.TestUtils;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that counts the timers created for each due time, so a test on real sockets can
/// advance the clock exactly when the code under test waits on it: a request reaches the server when the socket
/// delivers it, not when the test advances time.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TimeSpan, int> _created = [];

    /// <summary>Starts the clock at <paramref name="start"/>.</summary>
    public TimerWatchingTimeProvider(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>How many timers have been created so far with a due time of <paramref name="dueTime"/>.</summary>
    public int Created(TimeSpan dueTime)
    {
        lock (_lock)
        {
            return _created.GetValueOrDefault(dueTime);
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // Counted once registered, so a test that sees the count and advances cannot do so before the timer exists.
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _created[dueTime] = _created.GetValueOrDefault(dueTime) + 1;
        }

        return timer;
    }
}
