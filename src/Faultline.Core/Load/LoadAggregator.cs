namespace Faultline.Core.Load;

/// <summary>
/// Collects one population's per-request results into per-second <see cref="LoadStats"/> (lab time) and
/// hands each second over once it is over. Sends and drops belong to the second they happened in,
/// outcomes to the second they finished in — so a second can be published as soon as it ends, without
/// waiting up to a request timeout for stragglers. Thread-safe; memory is flat: one open second, at most
/// <see cref="Capacity"/> finished seconds waiting to be collected, and a ring of as many recent ones.
/// </summary>
public sealed class LoadAggregator
{
    /// <summary>Default number of finished seconds kept (waiting and recent): 60, a minute — the dashboard's view; the runner keeps what it needs.</summary>
    public const int DefaultCapacity = 60;

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private readonly TimeProvider _timeProvider;
    private readonly long _startTimestamp;
    private readonly DateTimeOffset _startUtc;
    private readonly Queue<LoadSecond> _pending = new();
    private readonly Queue<LoadSecond> _recent = new();
    private readonly LoadAccumulator _open = new();
    private readonly Func<long, IReadOnlyList<OverdueRequests>>? _takeOverdue;
    private long _openIndex;
    private long _lost;

    /// <summary>Creates an aggregator whose second 0 starts at <paramref name="startTimestamp"/> (a timestamp of <paramref name="timeProvider"/>).</summary>
    /// <param name="population">The population's name.</param>
    /// <param name="url">The URL it requests.</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="startTimestamp">Where second 0 starts.</param>
    /// <param name="lateThreshold">A send with more lag than this (wall time) is late.</param>
    /// <param name="capacity">How many finished seconds are kept; default <see cref="DefaultCapacity"/>.</param>
    /// <param name="takeOverdue">
    /// Called (under the aggregator's lock) as each second closes, with the second's end as a timestamp of
    /// <paramref name="timeProvider"/>: returns the requests past their client timeout and still in flight that were
    /// not handed over before, which the second then counts as timeouts (<see cref="LoadSecond.Overdue"/>). The caller
    /// must then drop their outcome. Default none.
    /// </param>
    public LoadAggregator(
        string population,
        Uri url,
        TimeProvider timeProvider,
        long startTimestamp,
        TimeSpan lateThreshold,
        int capacity = DefaultCapacity,
        Func<long, IReadOnlyList<OverdueRequests>>? takeOverdue = null)
    {
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Population = population;
        Url = url;
        _timeProvider = timeProvider;
        _startTimestamp = startTimestamp;
        _startUtc = timeProvider.GetUtcNow() - timeProvider.GetElapsedTime(startTimestamp);
        LateThreshold = lateThreshold;
        Capacity = capacity;
        _takeOverdue = takeOverdue;
    }

    /// <summary>The population's name.</summary>
    public string Population { get; }

    /// <summary>The URL it requests.</summary>
    public Uri Url { get; }

    /// <summary>A send with more lag than this (wall time) counts as late.</summary>
    public TimeSpan LateThreshold { get; }

    /// <summary>How many finished seconds are kept waiting for <see cref="Collect"/>, and in <see cref="Recent"/>.</summary>
    public int Capacity { get; }

    /// <summary>Finished seconds that were discarded because nobody collected them in time.</summary>
    public long Lost
    {
        get
        {
            lock (_lock)
            {
                return _lost;
            }
        }
    }

    /// <summary>When second 0 began, lab time.</summary>
    public DateTimeOffset Start => _startUtc;

    /// <summary>Counts a request that left <paramref name="lag"/> (wall time) after its intended send time.</summary>
    public void RecordSend(TimeSpan lag)
    {
        var late = lag > LateThreshold;
        var index = CurrentIndex();
        lock (_lock)
        {
            Roll(index).RecordSend(lag, late);
        }
    }

    /// <summary>Counts a request that could not be sent because the in-flight pool was full.</summary>
    public void RecordDropped()
    {
        var index = CurrentIndex();
        lock (_lock)
        {
            Roll(index).RecordDropped();
        }
    }

    /// <summary>Counts a finished request.</summary>
    /// <param name="kind">How it ended.</param>
    /// <param name="statusCode">The HTTP status (responses only).</param>
    /// <param name="region">The answering region, when the response said.</param>
    /// <param name="latency">Lab time from the intended send to the response or timeout.</param>
    public void RecordOutcome(LoadOutcomeKind kind, int statusCode, string? region, TimeSpan latency)
    {
        var index = CurrentIndex();
        lock (_lock)
        {
            Roll(index).RecordOutcome(kind, statusCode, region, latency);
        }
    }

    /// <summary>Finishes every second that is over and returns the finished seconds not yet collected, oldest first.</summary>
    public IReadOnlyList<LoadSecond> Collect() => Drain(includeOpen: false);

    /// <summary>Finishes the open second too (at the end of a run) and returns every uncollected second.</summary>
    public IReadOnlyList<LoadSecond> Flush() => Drain(includeOpen: true);

    /// <summary>The most recent finished seconds (at most <see cref="Capacity"/>), oldest first.</summary>
    public IReadOnlyList<LoadSecond> Recent()
    {
        lock (_lock)
        {
            return _recent.ToArray();
        }
    }

    private LoadSecond[] Drain(bool includeOpen)
    {
        lock (_lock)
        {
            Roll(CurrentIndex());
            if (includeOpen)
            {
                // The open second is not over: only what is overdue by now is.
                Close(Math.Min(_timeProvider.GetTimestamp(), EndOf(_openIndex)));
                _openIndex++;
            }

            if (_pending.Count == 0)
            {
                return [];
            }

            var drained = _pending.ToArray();
            _pending.Clear();
            return drained;
        }
    }

    private long CurrentIndex() => Math.Max(0, _timeProvider.GetElapsedTime(_startTimestamp).Ticks / Second.Ticks);

    // Under the lock: finishes the open second and any empty ones up to index; returns the open second.
    private LoadAccumulator Roll(long index)
    {
        if (index <= _openIndex)
        {
            // A result read the clock just before another rolled the second over: it joins the open second.
            return _open;
        }

        Close(EndOf(_openIndex));

        // Seconds without any traffic are published too, so an outage cannot hide as a gap. Of a jump longer
        // than the capacity only the last Capacity fit; the others count as lost.
        var first = Math.Max(_openIndex + 1, index - Capacity);
        _lost += first - (_openIndex + 1);
        for (var i = first; i < index; i++)
        {
            _openIndex = i;
            Close(EndOf(i));
        }

        _openIndex = index;
        return _open;
    }

    // Under the lock: counts what is overdue at `end` as timeouts of the open second, publishes it and clears it.
    private void Close(long end)
    {
        if (_takeOverdue is not null)
        {
            foreach (var overdue in _takeOverdue(end))
            {
                _open.RecordOverdue(overdue.Count, overdue.Waited);
            }
        }

        Finish(_open.Snapshot(), _open.Overdue, _openIndex);
        _open.Clear();
    }

    private long EndOf(long index) => _startTimestamp + (long)((index + 1) * (double)_timeProvider.TimestampFrequency);

    private void Finish(LoadStats stats, long overdue, long index)
    {
        var second = new LoadSecond
        {
            Population = Population,
            Url = Url,
            Index = index,
            Start = _startUtc + TimeSpan.FromSeconds(index),
            Stats = stats,
            Overdue = overdue,
        };
        Enqueue(_pending, second, countLost: true);
        Enqueue(_recent, second, countLost: false);
    }

    private void Enqueue(Queue<LoadSecond> queue, LoadSecond second, bool countLost)
    {
        queue.Enqueue(second);
        if (queue.Count > Capacity)
        {
            queue.Dequeue();
            if (countLost)
            {
                _lost++;
            }
        }
    }
}
