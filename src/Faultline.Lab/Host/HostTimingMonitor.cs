using Faultline.Core.Host;
using Faultline.Core.Time;

namespace Faultline.Lab.Host;

/// <summary>
/// Measures how well this host keeps lab time while a run goes: a timer on the lab clock fires every
/// <see cref="WallTick"/> of wall time and each firing records how late it came, in lab time. The lab's modelled
/// delays and deadlines are timers on the same clock and the same thread pool, so they were late by as much. Publishes
/// one <see cref="HostSecond"/> per lab second; a stall that kept the timer from firing at all spreads its lateness
/// over every lab second it spanned. It also remembers recent stalls (<see cref="IHostStalls"/>), so the lab's deadlines
/// can leave out the time the host was not running them.
/// </summary>
public sealed class HostTimingMonitor : IHostStalls, IAsyncDisposable
{
    // Enough stalls for the longest modelled deadline on the busiest host; older ones are forgotten.
    private const int RememberedStalls = 1024;

    /// <summary>How often the timer fires, in wall time: 10 ms.</summary>
    public static readonly TimeSpan WallTick = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly ScaledTimeProvider _clock;
    private readonly TimeSpan _tick;
    private readonly SortedDictionary<long, (TimeSpan Lateness, int Samples)> _pending = [];
    private readonly Lock _lock = new();
    private readonly Queue<(DateTimeOffset From, DateTimeOffset To)> _stalls = new();
    private DateTimeOffset _origin;
    private DateTimeOffset _due;
    private ITimer? _timer;
    private bool _stopped;

    /// <summary>Creates a monitor of <paramref name="clock"/>; call <see cref="Start"/> to begin.</summary>
    public HostTimingMonitor(ScaledTimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _tick = clock.ToLab(WallTick);
    }

    /// <summary>Raised once per finished lab second, in order, on a thread-pool thread; handlers must not throw.</summary>
    public event EventHandler<HostSecond>? SecondCompleted;

    /// <summary>The largest lateness seen so far (lab time).</summary>
    public TimeSpan WorstLateness { get; private set; }

    /// <summary>Starts measuring; lab seconds are counted from now.</summary>
    public void Start()
    {
        lock (_lock)
        {
            if (_timer is not null)
            {
                throw new InvalidOperationException("The host timing monitor is already started.");
            }

            _origin = _clock.GetUtcNow();
            _due = _origin + _tick;
            _timer = _clock.CreateTimer(_ => OnTick(), null, _tick, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Stops measuring; the second in progress is not published.</summary>
    public async ValueTask DisposeAsync()
    {
        ITimer? timer;
        lock (_lock)
        {
            _stopped = true;
            timer = _timer;
        }

        if (timer is not null)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public TimeSpan StalledBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        lock (_lock)
        {
            foreach (var (start, end) in _stalls)
            {
                var overlap = (end < to ? end : to) - (start > from ? start : from);
                if (overlap > TimeSpan.Zero)
                {
                    total += overlap;
                }
            }
        }

        return total;
    }

    private long IndexOf(DateTimeOffset at) => (long)Math.Floor((at - _origin) / Second);

    private void OnTick()
    {
        List<HostSecond> finished = [];
        lock (_lock)
        {
            if (_stopped)
            {
                return;
            }

            var now = _clock.GetUtcNow();
            var lateness = now > _due ? now - _due : TimeSpan.Zero;
            if (lateness > WorstLateness)
            {
                WorstLateness = lateness;
            }

            // Late by more than a tick: the host ran nothing on this clock from the due time until now.
            if (lateness > _tick)
            {
                _stalls.Enqueue((_due, now));
                if (_stalls.Count > RememberedStalls)
                {
                    _stalls.Dequeue();
                }
            }

            // Every lab second the host spent not running this timer was late by as much.
            var current = IndexOf(now);
            for (var index = Math.Min(IndexOf(_due), current); index <= current; index++)
            {
                var (worst, samples) = _pending.GetValueOrDefault(index);
                _pending[index] = (worst > lateness ? worst : lateness, index == current ? samples + 1 : samples);
            }

            while (_pending.Count > 0 && _pending.First() is var (index, (worst, samples)) && index < current)
            {
                _pending.Remove(index);
                finished.Add(new HostSecond { Start = _origin + (index * Second), Lateness = worst, Samples = samples });
            }

            _due = now + _tick;
            _timer!.Change(_tick, Timeout.InfiniteTimeSpan);
        }

        foreach (var second in finished)
        {
            SecondCompleted?.Invoke(this, second);
        }
    }
}
