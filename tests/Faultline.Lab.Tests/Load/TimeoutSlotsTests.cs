using Faultline.Core.Load;
using Faultline.Lab.Load;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Lab.Tests.Load;

public sealed class TimeoutSlotsTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // 30 s / 64 clamps to the 250 ms maximum: a request's timeout is due 30.25 s after its slot began.
    private static readonly TimeSpan Due = TimeSpan.FromSeconds(30.25);

    // Advancing it fires the slots' timers, but nothing here runs a request's continuation: that is the starved host.
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private readonly List<TimeoutSlots> _created = [];

    public void Dispose()
    {
        foreach (var slots in _created)
        {
            slots.Dispose();
        }
    }

    private TimeoutSlots Create()
    {
        var slots = new TimeoutSlots(Timeout, _time);
        _created.Add(slots);
        return slots;
    }

    private long Later(TimeSpan after) => _time.GetTimestamp() + (long)(after.TotalSeconds * _time.TimestampFrequency);

    [Fact]
    public void TakeOverdue_BeforeTheTimeoutIsDue_HandsOverNothing()
    {
        var slots = Create();
        slots.Enter(_time.GetTimestamp());

        Assert.Empty(slots.TakeOverdue(Later(Due - TimeSpan.FromMilliseconds(1))));
    }

    [Fact]
    public void TakeOverdue_RequestsStillInFlightPastTheirTimeout_HandedOverOnce()
    {
        var slots = Create();
        var now = _time.GetTimestamp();
        var slot = slots.Enter(now);
        slots.Enter(now);
        var finished = slots.Enter(now);
        Assert.Same(slot, finished);
        Assert.True(slots.Leave(finished));

        var overdue = Assert.Single(slots.TakeOverdue(Later(TimeSpan.FromSeconds(31))));

        Assert.Equal(new OverdueRequests(2, TimeSpan.FromSeconds(31)), overdue);
        Assert.Empty(slots.TakeOverdue(Later(TimeSpan.FromSeconds(32))));
    }

    [Fact]
    public void Leave_AfterBeingHandedOverAsOverdue_SaysDropTheOutcome()
    {
        var slots = Create();
        var slot = slots.Enter(_time.GetTimestamp());
        var other = slots.Enter(_time.GetTimestamp());
        Assert.True(slots.Leave(other));

        Assert.Single(slots.TakeOverdue(Later(TimeSpan.FromSeconds(31))));

        Assert.False(slots.Leave(slot));
    }

    [Fact]
    public void TakeOverdue_OnlySlotsWhoseTimeoutIsDue()
    {
        var slots = Create();
        slots.Enter(_time.GetTimestamp());
        _time.Advance(TimeSpan.FromSeconds(1));
        slots.Enter(_time.GetTimestamp());
        slots.Enter(_time.GetTimestamp());

        // 30.5 s after the first slot began: only it is due; the second slot (1 s later) is not.
        var overdue = Assert.Single(slots.TakeOverdue(Later(TimeSpan.FromSeconds(29.5))));
        var later = Assert.Single(slots.TakeOverdue(Later(TimeSpan.FromSeconds(31.5))));

        Assert.Equal((1L, 2L), (overdue.Count, later.Count));
    }

    [Fact]
    public void TakeOverdue_AfterAbandon_HandsOverNothing()
    {
        var slots = Create();
        slots.Enter(_time.GetTimestamp());
        slots.Abandon();

        Assert.Empty(slots.TakeOverdue(Later(TimeSpan.FromMinutes(1))));
    }

    [Fact]
    public void Aggregator_StarvedTimeouts_EachRequestCountedOnceAsATimeout()
    {
        // Two requests past their timeout whose cancellation never ran in time: the second that closes over them
        // counts them as timeouts (overdue); when they finally finish, Leave says their outcome is dropped.
        var slots = Create();
        var start = _time.GetTimestamp();
        var aggregator = new LoadAggregator("us-customers", new Uri("http://api.example.test/"), _time, start, TimeSpan.FromMilliseconds(1), takeOverdue: slots.TakeOverdue);
        var slot = slots.Enter(start);
        slots.Enter(start);
        _time.Advance(TimeSpan.FromSeconds(32));

        var seconds = aggregator.Collect();
        var recorded = 0;
        for (var i = 0; i < 2; i++)
        {
            if (slots.Leave(slot))
            {
                aggregator.RecordOutcome(LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromSeconds(40));
                recorded++;
            }
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        var later = aggregator.Collect();

        var closing = Assert.Single(seconds, s => s.Overdue > 0);
        Assert.Equal((30L, 2L, 2L), (closing.Index, closing.Overdue, closing.Stats.Timeouts));
        Assert.Equal(0, recorded);
        Assert.Equal(2, seconds.Concat(later).Sum(s => s.Stats.Timeouts));
    }
}
