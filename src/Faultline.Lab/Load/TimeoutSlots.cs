using Faultline.Core.Load;

namespace Faultline.Lab.Load;

/// <summary>
/// Request timeouts without a timer per request: requests sent within one slot (1/64 of the timeout, 1–250 ms,
/// lab time) share a token that is cancelled one timeout after the slot ends, so a request times out between
/// <c>timeout</c> and <c>timeout + slot</c> after it was sent. At 20,000 requests/s that is a few timers a second
/// instead of 20,000. <see cref="Abandon"/> cancels every live slot at once (stopping).
/// </summary>
/// <remarks>
/// Each slot also counts its requests in flight, so requests past their timeout that have not finished — their
/// timer or their continuation did not run in time, e.g. on a starved host — can be handed over as
/// <i>overdue</i> (<see cref="TakeOverdue"/>), exactly once: <see cref="Leave"/> then tells the request its
/// outcome is no longer to be recorded.
/// </remarks>
internal sealed class TimeoutSlots : IDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly TimeSpan _slot;
    private readonly long _slotTimestamps;
    private readonly long _timeoutTimestamps;
    private readonly Lock _lock = new();
    private readonly Queue<TimeoutSlot> _live = new();
    private TimeoutSlot? _current;
    private long _currentEnd;
    private bool _abandoned;

    public TimeoutSlots(TimeSpan timeout, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _timeout = timeout;
        _slot = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 64, TimeSpan.TicksPerMillisecond, 250 * TimeSpan.TicksPerMillisecond));
        _slotTimestamps = Math.Max(1, (long)(_slot.TotalSeconds * timeProvider.TimestampFrequency));
        _timeoutTimestamps = (long)((_timeout + _slot).TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>The slot length: requests time out at most this much after the timeout.</summary>
    public TimeSpan Slot => _slot;

    /// <summary>Counts a request sent at <paramref name="now"/> (a timestamp of the time provider) in flight and returns its slot.</summary>
    public TimeoutSlot Enter(long now)
    {
        lock (_lock)
        {
            if (_current is null || now >= _currentEnd)
            {
                // Slots whose timeout has fired and that hold no request still to be counted are done with.
                while (_live.Count > 0 && _live.Peek() is { } oldest && oldest.Source.IsCancellationRequested && (oldest.Outstanding == 0 || oldest.Overdue))
                {
                    _live.Dequeue().Source.Dispose();
                }

                var source = new CancellationTokenSource(_timeout + _slot, _timeProvider);
                if (_abandoned)
                {
                    source.Cancel();
                }

                _current = new TimeoutSlot(source, now, now + _timeoutTimestamps);
                _currentEnd = now + _slotTimestamps;
                _live.Enqueue(_current);
            }

            _current.Outstanding++;
            return _current;
        }
    }

    /// <summary>A request of <paramref name="slot"/> finished; <c>false</c> when it was handed over as overdue, so its outcome must be dropped.</summary>
    public bool Leave(TimeoutSlot slot)
    {
        lock (_lock)
        {
            slot.Outstanding--;
            return !slot.Overdue;
        }
    }

    /// <summary>
    /// Hands over the requests still in flight whose timeout was due by <paramref name="upTo"/> (a timestamp of the
    /// time provider) and that were not handed over before, with how long they had waited by then; nothing once
    /// abandoned (abandoned requests are not counted).
    /// </summary>
    public IReadOnlyList<OverdueRequests> TakeOverdue(long upTo)
    {
        List<OverdueRequests>? overdue = null;
        lock (_lock)
        {
            if (_abandoned)
            {
                return [];
            }

            foreach (var slot in _live)
            {
                if (slot.Deadline > upTo)
                {
                    // Deadlines grow with the queue: none after this one is due either.
                    break;
                }

                if (slot.Overdue || slot.Outstanding == 0)
                {
                    continue;
                }

                slot.Overdue = true;
                (overdue ??= []).Add(new OverdueRequests(slot.Outstanding, _timeProvider.GetElapsedTime(slot.Created, upTo)));
            }
        }

        return overdue ?? [];
    }

    /// <summary>Cancels every live slot: the requests waiting on them give up at once.</summary>
    public void Abandon()
    {
        CancellationTokenSource[] live;
        lock (_lock)
        {
            _abandoned = true;
            live = [.. _live.Select(s => s.Source)];
        }

        foreach (var cts in live)
        {
            cts.Cancel();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            while (_live.Count > 0)
            {
                _live.Dequeue().Source.Dispose();
            }

            _current = null;
        }
    }
}
