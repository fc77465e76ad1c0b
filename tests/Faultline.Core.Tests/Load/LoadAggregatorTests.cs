using Faultline.Core.Load;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Faultline.Core.Tests.Load;

public sealed class LoadAggregatorTests
{
    private static readonly Uri Url = new("https://api.example.test/api/hello");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private LoadAggregator Create(int capacity = LoadAggregator.DefaultCapacity) =>
        new("us-customers", Url, _time, _time.GetTimestamp(), TimeSpan.FromMilliseconds(1), capacity);

    [Fact]
    public void Collect_SecondNotOver_PublishesNothing()
    {
        var aggregator = Create();
        aggregator.RecordOutcome(LoadOutcomeKind.Response, 200, "us-east-1", TimeSpan.FromMilliseconds(5));
        _time.Advance(TimeSpan.FromMilliseconds(999));

        Assert.Empty(aggregator.Collect());
    }

    [Fact]
    public void Collect_SecondOver_PublishesItOnceWithItsCounts()
    {
        var aggregator = Create();
        aggregator.RecordSend(TimeSpan.FromMicroseconds(10));
        aggregator.RecordOutcome(LoadOutcomeKind.Response, 200, "us-east-1", TimeSpan.FromMilliseconds(5));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        aggregator.RecordOutcome(LoadOutcomeKind.Response, 503, "us-east-1", TimeSpan.FromMilliseconds(5));
        _time.Advance(TimeSpan.FromMilliseconds(500));

        var second = Assert.Single(aggregator.Collect());
        Assert.Empty(aggregator.Collect());

        Assert.Equal(("us-customers", Url, 0L), (second.Population, second.Url, second.Index));
        Assert.Equal(_time.Start, second.Start);
        Assert.Equal(1, second.Stats.Sent);
        Assert.Equal(1, second.Stats.Status2xx);
        Assert.Equal(1, second.Stats.Status5xx);
        Assert.Equal(2, second.Stats.RegionCount("us-east-1"));
    }

    [Fact]
    public void RecordOutcome_AfterRollover_GoesToTheSecondItFinishedIn()
    {
        var aggregator = Create();
        aggregator.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(5));
        _time.Advance(TimeSpan.FromSeconds(1.5));
        aggregator.RecordOutcome(LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(1));

        var seconds = aggregator.Collect();

        Assert.Equal([0L, 1L], seconds.Select(s => s.Index));
        Assert.Equal(1, seconds[0].Stats.Status2xx);
        Assert.Equal(0, seconds[0].Stats.Timeouts);
        Assert.Equal(1, seconds[1].Stats.Timeouts);
        Assert.Equal(_time.Start.AddSeconds(1), seconds[1].Start);
    }

    [Fact]
    public void Collect_QuietSeconds_PublishedEmptyNotSkipped()
    {
        var aggregator = Create();
        aggregator.RecordDropped();
        _time.Advance(TimeSpan.FromSeconds(4.2));

        var seconds = aggregator.Collect();

        Assert.Equal([0L, 1L, 2L, 3L], seconds.Select(s => s.Index));
        Assert.Equal(1, seconds[0].Stats.DroppedSends);
        Assert.All(seconds.Skip(1), s => Assert.Equal(0, s.Stats.Attempts));
    }

    [Fact]
    public void RecordSend_LagOverThreshold_CountedLate()
    {
        var aggregator = Create();
        aggregator.RecordSend(TimeSpan.FromMilliseconds(0.5));
        aggregator.RecordSend(TimeSpan.FromMilliseconds(1));
        aggregator.RecordSend(TimeSpan.FromMilliseconds(1.5));
        _time.Advance(TimeSpan.FromSeconds(1));

        var stats = Assert.Single(aggregator.Collect()).Stats;

        Assert.Equal(3, stats.Sent);
        Assert.Equal(1, stats.LateSends);
    }

    [Fact]
    public void Flush_OpenSecond_PublishedAtTheEnd()
    {
        var aggregator = Create();
        _time.Advance(TimeSpan.FromSeconds(1.3));
        aggregator.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(5));

        var seconds = aggregator.Flush();

        Assert.Equal([0L, 1L], seconds.Select(s => s.Index));
        Assert.Equal(1, seconds[1].Stats.Status2xx);
    }

    [Fact]
    public void Collect_NobodyCollects_MemoryBoundedAndLossCounted()
    {
        var aggregator = Create(capacity: 10);
        for (var i = 0; i < 100; i++)
        {
            aggregator.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(5));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var seconds = aggregator.Collect();

        Assert.Equal(10, seconds.Count);
        Assert.Equal(99, seconds[^1].Index);
        Assert.Equal(90, aggregator.Lost);
        Assert.Equal(10, aggregator.Recent().Count);
    }

    [Fact]
    public void Recent_KeepsTheLastSecondsAfterCollection()
    {
        var aggregator = Create(capacity: 3);
        _time.Advance(TimeSpan.FromSeconds(5));
        aggregator.Collect();

        Assert.Equal([2L, 3L, 4L], aggregator.Recent().Select(s => s.Index));

        // Seconds 0 and 1 did not fit while nobody collected.
        Assert.Equal(2, aggregator.Lost);
    }

    [Fact]
    public void Collect_LongJump_PublishesOnlyTheLastCapacitySeconds()
    {
        var aggregator = Create(capacity: 5);
        _time.Advance(TimeSpan.FromDays(1));

        var seconds = aggregator.Collect();

        Assert.Equal(5, seconds.Count);
        Assert.Equal(86_399, seconds[^1].Index);
        Assert.Equal(86_400 - 5, aggregator.Lost);
    }

    [Fact]
    public async Task RecordOutcome_ConcurrentWriters_NothingLost()
    {
        var aggregator = Create();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                aggregator.RecordOutcome(LoadOutcomeKind.Response, 200, "eu-west-1", TimeSpan.FromMilliseconds(1));
            }
        }, TestContext.Current.CancellationToken)));

        var stats = Assert.Single(aggregator.Flush()).Stats;

        Assert.Equal(40_000, stats.Status2xx);
        Assert.Equal(40_000, stats.LatencyCount);
    }

    [Fact]
    public void Collect_OverdueAtTheSecondsEnd_CountedAsTimeoutsOfThatSecondOnce()
    {
        var asked = new List<long>();
        var handedOver = false;
        IReadOnlyList<OverdueRequests> TakeOverdue(long end)
        {
            asked.Add(end);
            if (handedOver)
            {
                return [];
            }

            handedOver = true;
            return [new OverdueRequests(3, TimeSpan.FromSeconds(30.5)), new OverdueRequests(2, TimeSpan.FromSeconds(30.2))];
        }

        var start = _time.GetTimestamp();
        var aggregator = new LoadAggregator("us-customers", Url, _time, start, TimeSpan.FromMilliseconds(1), takeOverdue: TakeOverdue);
        aggregator.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(5));
        _time.Advance(TimeSpan.FromSeconds(2));

        var seconds = aggregator.Collect();

        Assert.Equal([0L, 1L], seconds.Select(s => s.Index));
        Assert.Equal((5L, 5L, 1L, 6L), (seconds[0].Overdue, seconds[0].Stats.Timeouts, seconds[0].Stats.Status2xx, seconds[0].Stats.Attempts));
        Assert.InRange(seconds[0].Stats.MaxLatency.TotalSeconds, 30.2, 30.9);
        Assert.Equal((0L, 0L), (seconds[1].Overdue, seconds[1].Stats.Timeouts));
        Assert.Equal([start + _time.TimestampFrequency, start + (2 * _time.TimestampFrequency)], asked);
    }

    [Fact]
    public void Flush_OpenSecond_AsksForWhatIsOverdueByNowOnly()
    {
        var asked = new List<long>();
        var start = _time.GetTimestamp();
        var aggregator = new LoadAggregator("us-customers", Url, _time, start, TimeSpan.FromMilliseconds(1), takeOverdue: end =>
        {
            asked.Add(end);
            return [];
        });
        _time.Advance(TimeSpan.FromMilliseconds(400));

        Assert.Equal(0, Assert.Single(aggregator.Flush()).Overdue);
        Assert.Equal([_time.GetTimestamp()], asked);
    }
}
