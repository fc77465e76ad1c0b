using Faultline.Core.Host;
using Faultline.Core.Time;
using Faultline.Lab.Host;
using Faultline.TestUtils;

namespace Faultline.Lab.Tests.Host;

public sealed class HostTimingMonitorTests
{
    private static readonly TimeSpan Tick = HostTimingMonitor.WallTick;

    [Fact]
    public async Task Ticks_OnTime_PublishEverySecondWithoutLateness()
    {
        var wall = new SteppedClock();
        var clock = new ScaledTimeProvider(wall, 20);
        await using var monitor = new HostTimingMonitor(clock);
        var seconds = Collect(monitor);
        var origin = clock.GetUtcNow();
        monitor.Start();

        // 10 ms of wall time is 200 ms of lab time: 5 ticks a lab second; 26 ticks end lab second 4.
        for (var i = 0; i < 26; i++)
        {
            wall.Advance(Tick);
            wall.Fire();
        }

        Assert.Equal(5, seconds.Count);
        Assert.All(seconds, s => Assert.Equal(TimeSpan.Zero, s.Lateness));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => origin + TimeSpan.FromSeconds(i)), seconds.Select(s => s.Start));
        Assert.Equal(4, seconds[0].Samples);
        Assert.Equal(TimeSpan.Zero, monitor.WorstLateness);
    }

    [Fact]
    public async Task Tick_AfterAStall_MarksEveryLabSecondTheStallSpannedWithItsLateness()
    {
        var wall = new SteppedClock();
        var clock = new ScaledTimeProvider(wall, 20);
        await using var monitor = new HostTimingMonitor(clock);
        var seconds = Collect(monitor);
        monitor.Start();
        wall.Advance(Tick);
        wall.Fire();

        // The host does not run the timer for 300 ms of wall time: 6 s of lab time, 5.8 s after it was due.
        wall.Advance(TimeSpan.FromMilliseconds(300));
        wall.Fire();

        Assert.Equal(6, seconds.Count);
        Assert.All(seconds, s => Assert.Equal(TimeSpan.FromMilliseconds(5800), s.Lateness));
        Assert.All(seconds.Skip(1), s => Assert.Equal(0, s.Samples));
        Assert.Equal(TimeSpan.FromMilliseconds(5800), monitor.WorstLateness);
        Assert.True(HostBudget.For(Some.Topology(), 20).Exceeds(seconds[3]));
    }

    [Fact]
    public async Task Dispose_StopsPublishing()
    {
        var wall = new SteppedClock();
        var monitor = new HostTimingMonitor(new ScaledTimeProvider(wall, 20));
        var seconds = Collect(monitor);
        monitor.Start();
        await monitor.DisposeAsync();

        wall.Advance(TimeSpan.FromSeconds(1));
        wall.Fire();

        Assert.Empty(seconds);
        Assert.True(wall.TimerDisposed);
    }

    private static List<HostSecond> Collect(HostTimingMonitor monitor)
    {
        var seconds = new List<HostSecond>();
        monitor.SecondCompleted += (_, s) => seconds.Add(s);
        return seconds;
    }

    /// <summary>A wall clock whose time moves and whose one timer fires only when the test says: a host that stalls on cue.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks = TimeSpan.FromHours(1).Ticks;
        private TimerCallback? _callback;
        private object? _state;

        public bool TimerDisposed { get; private set; }

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch + TimeSpan.FromTicks(_ticks);

        public void Advance(TimeSpan by) => _ticks += by.Ticks;

        public void Fire() => _callback?.Invoke(_state);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            (_callback, _state) = (callback, state);
            return new Timer(this);
        }

        private sealed class Timer(SteppedClock owner) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => !owner.TimerDisposed;

            public void Dispose()
            {
                owner.TimerDisposed = true;
                owner._callback = null;
            }

            public ValueTask DisposeAsync()
            {
                Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }
}
