namespace Faultline.Core.Simulation;

/// <summary>
/// Lab time for the simulated engine: a discrete-event scheduler behind a <see cref="TimeProvider"/>. Nothing
/// happens between events; <see cref="Run(Func{bool})"/> jumps from one to the next on the calling thread and runs
/// it there, so timers, <c>Task.Delay</c> on this provider and the continuations they complete run one at a time, in
/// due-time order (ties in the order they were scheduled), with no wall clock and no threads racing. The same inputs
/// therefore give the same run on any machine under any load.
/// </summary>
/// <remarks>
/// Code driven by it must not leave the thread (no <c>Task.Run</c>, no <c>Task.Yield</c>, no task completions
/// that run continuations asynchronously before the driver needs their result): a timer created from another
/// thread while <see cref="Run(Func{bool})"/> is driving is reported as <see cref="SimulationEscapedException"/>,
/// and a run whose condition can no longer become true (nothing left to happen) as
/// <see cref="SimulationStalledException"/>.
/// </remarks>
public sealed class VirtualClock : TimeProvider
{
    /// <summary>Where simulated lab time starts unless told otherwise: fixed, so runs repeat byte for byte.</summary>
    public static readonly DateTimeOffset DefaultEpoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly PriorityQueue<Entry, (long Due, long Sequence)> _queue = new();
    private readonly DateTimeOffset _epoch;
    private long _now;
    private long _sequence;
    private long _executed;
    private int _driver;

    /// <summary>Creates a clock at <paramref name="epoch"/> (default <see cref="DefaultEpoch"/>).</summary>
    public VirtualClock(DateTimeOffset? epoch = null)
    {
        _epoch = epoch ?? DefaultEpoch;
    }

    /// <summary>Lab time elapsed since the epoch.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(_now);

    /// <summary>Events run so far (timers and scheduled actions), for benchmarks.</summary>
    public long EventsRun => _executed;

    /// <summary>Events waiting.</summary>
    public int Pending => _queue.Count;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _epoch.AddTicks(_now);

    /// <inheritdoc />
    public override long GetTimestamp() => _now;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        CheckThread();
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/> of lab time (at once, in order, when zero or less).</summary>
    public void Schedule(TimeSpan delay, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        CheckThread();
        Enqueue(new Entry(action, null, 0), delay);
    }

    /// <summary>Runs <paramref name="action"/> at lab time <paramref name="at"/> (at once, in order, when that has passed).</summary>
    public void ScheduleAt(DateTimeOffset at, Action action) => Schedule(at - GetUtcNow(), action);

    /// <summary>Runs events in order until <paramref name="done"/> is true (checked after each event).</summary>
    /// <exception cref="SimulationStalledException">No event is left and <paramref name="done"/> is still false.</exception>
    public void Run(Func<bool> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        var previous = Interlocked.Exchange(ref _driver, Environment.CurrentManagedThreadId);
        try
        {
            while (!done())
            {
                if (!Step())
                {
                    throw new SimulationStalledException(GetUtcNow());
                }
            }
        }
        finally
        {
            Volatile.Write(ref _driver, previous);
        }
    }

    /// <summary>Runs events in order until <paramref name="task"/> completes, and returns its result.</summary>
    public T Run<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        Run(() => task.IsCompleted);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Runs every event due up to <paramref name="until"/> (lab time) and leaves the clock there.</summary>
    public void RunUntil(DateTimeOffset until)
    {
        var target = (until - _epoch).Ticks;
        var previous = Interlocked.Exchange(ref _driver, Environment.CurrentManagedThreadId);
        try
        {
            while (_queue.TryPeek(out _, out var key) && key.Due <= target)
            {
                Step();
            }

            _now = Math.Max(_now, target);
        }
        finally
        {
            Volatile.Write(ref _driver, previous);
        }
    }

    private bool Step()
    {
        while (_queue.TryDequeue(out var entry, out var key))
        {
            if (entry.Timer is { } timer && timer.Version != entry.Version)
            {
                // Changed or disposed since it was queued.
                continue;
            }

            _now = Math.Max(_now, key.Due);
            _executed++;
            if (entry.Timer is { } fired)
            {
                fired.Fire();
            }
            else
            {
                entry.Action!();
            }

            return true;
        }

        return false;
    }

    private void Enqueue(Entry entry, TimeSpan delay)
    {
        var due = delay <= TimeSpan.Zero ? _now : (delay.Ticks > long.MaxValue - _now ? long.MaxValue : _now + delay.Ticks);
        _queue.Enqueue(entry, (due, _sequence++));
    }

    /// <summary>Throws <see cref="SimulationEscapedException"/> unless called on the thread driving the clock (or while none drives it).</summary>
    public void EnsureOnDriver() => CheckThread();

    private void CheckThread()
    {
        var driver = Volatile.Read(ref _driver);
        if (driver != 0 && driver != Environment.CurrentManagedThreadId)
        {
            throw new SimulationEscapedException();
        }
    }

    private readonly record struct Entry(Action? Action, VirtualTimer? Timer, long Version);

    private sealed class VirtualTimer(VirtualClock clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public long Version { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.CheckThread();
            Version++;
            _period = period;
            if (dueTime != Timeout.InfiniteTimeSpan && Version > 0)
            {
                clock.Enqueue(new Entry(null, this, Version), dueTime);
            }

            return true;
        }

        public void Fire()
        {
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                clock.Enqueue(new Entry(null, this, Version), _period);
            }

            callback(state);
        }

        public void Dispose()
        {
            // Negative: no queued entry can match any more, and Change after Dispose queues nothing.
            Version = long.MinValue;
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
