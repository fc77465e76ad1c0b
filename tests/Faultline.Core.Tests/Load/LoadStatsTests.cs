using Faultline.Core.Load;
using Xunit;

namespace Faultline.Core.Tests.Load;

public sealed class LoadStatsTests
{
    private static LoadStats With(Action<LoadAccumulator> record)
    {
        var open = new LoadAccumulator();
        record(open);
        return open.Snapshot();
    }

    [Fact]
    public void RecordOutcome_StatusClassesAndRegions_CountedLikeTheSeedLoadGen()
    {
        var stats = With(s =>
        {
            s.RecordOutcome(LoadOutcomeKind.Response, 200, "us-east-1", TimeSpan.FromMilliseconds(10));
            s.RecordOutcome(LoadOutcomeKind.Response, 204, "eu-west-1", TimeSpan.FromMilliseconds(10));
            s.RecordOutcome(LoadOutcomeKind.Response, 302, "us-east-1", TimeSpan.FromMilliseconds(10));
            s.RecordOutcome(LoadOutcomeKind.Response, 429, "us-east-1", TimeSpan.FromMilliseconds(10));
            s.RecordOutcome(LoadOutcomeKind.Response, 504, "us-east-1", TimeSpan.FromMilliseconds(10));
            s.RecordOutcome(LoadOutcomeKind.ConnectError, 0, null, TimeSpan.Zero);
            s.RecordOutcome(LoadOutcomeKind.DnsError, 0, null, TimeSpan.Zero);
            s.RecordOutcome(LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromSeconds(30));
            s.RecordOutcome(LoadOutcomeKind.OtherError, 0, null, TimeSpan.Zero);
            s.RecordDropped();
        });

        Assert.Equal((1, 1, 1, 1), (stats.Status3xx, stats.Status4xx, stats.Status5xx, stats.ConnectErrors));
        Assert.Equal(2, stats.Status2xx);
        Assert.Equal((1, 1, 1, 1), (stats.DnsErrors, stats.Timeouts, stats.OtherErrors, stats.DroppedSends));
        Assert.Equal(5, stats.Responses);
        Assert.Equal(9, stats.Completed);
        Assert.Equal(10, stats.Attempts);
        Assert.Equal(5, stats.Errors);
        Assert.Equal(4, stats.RegionCount("us-east-1"));
        Assert.Equal(1, stats.RegionCount("eu-west-1"));
        Assert.Equal(0, stats.RegionCount("ap-south-1"));
        Assert.Equal(0.8, stats.RegionShare("us-east-1"));

        // Responses and the timeout carry latency; the other errors do not.
        Assert.Equal(6, stats.LatencyCount);
    }

    [Fact]
    public void SuccessRate_Is2xxShareOfAllAttempts_ErrorsAndDropsFail()
    {
        var stats = With(s =>
        {
            for (var i = 0; i < 6; i++)
            {
                s.RecordOutcome(LoadOutcomeKind.Response, 200, "us-east-1", TimeSpan.FromMilliseconds(1));
            }

            s.RecordOutcome(LoadOutcomeKind.Response, 301, "us-east-1", TimeSpan.FromMilliseconds(1));
            s.RecordOutcome(LoadOutcomeKind.Response, 404, "us-east-1", TimeSpan.FromMilliseconds(1));
            s.RecordOutcome(LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromSeconds(30));
            s.RecordDropped();
        });

        Assert.Equal(0.6, stats.SuccessRate);
    }

    [Fact]
    public void SuccessRate_NoAttempts_IsNull() => Assert.Null(LoadStats.Empty.SuccessRate);

    [Fact]
    public void Latency_Percentiles_WithinTwoSignificantDigits()
    {
        // 1..1000 ms, one each: p50 ≈ 500 ms, p99 ≈ 990 ms, max 1000 ms.
        var stats = With(s =>
        {
            for (var ms = 1; ms <= 1000; ms++)
            {
                s.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(ms));
            }
        });

        Assert.InRange(stats.Latency(50).TotalMilliseconds, 495, 505);
        Assert.InRange(stats.Latency(99).TotalMilliseconds, 980, 1000);
        Assert.InRange(stats.MaxLatency.TotalMilliseconds, 995, 1010);
        Assert.Equal(TimeSpan.Zero, LoadStats.Empty.Latency(99));
    }

    [Fact]
    public void Latency_StallShowsInTheTail_NoCoordinatedOmission()
    {
        // 990 quick answers and 10 that waited out a 1 s stall (timed from their intended send): p99.5 sees the stall.
        var stats = With(s =>
        {
            for (var i = 0; i < 990; i++)
            {
                s.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(1));
            }

            for (var i = 0; i < 10; i++)
            {
                s.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(1000 - (i * 100)));
            }
        });

        Assert.InRange(stats.Latency(50).TotalMilliseconds, 0.99, 1.01);
        Assert.InRange(stats.Latency(99.5).TotalMilliseconds, 500, 610);
    }

    [Fact]
    public void Latency_BeyondTheRange_ClampedNotThrown()
    {
        var stats = With(s => s.RecordOutcome(LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromDays(2)));

        Assert.InRange(stats.MaxLatency, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public void RecordSend_LateFlag_CountsLateAndRecordsLag()
    {
        var stats = With(s =>
        {
            s.RecordSend(TimeSpan.FromMicroseconds(100), late: false);
            s.RecordSend(TimeSpan.FromMilliseconds(5), late: true);
            s.RecordSend(TimeSpan.FromMilliseconds(-1), late: false);
        });

        Assert.Equal(3, stats.Sent);
        Assert.Equal(1, stats.LateSends);
        Assert.InRange(stats.SendLag(100).TotalMilliseconds, 4.95, 5.05);
    }

    [Fact]
    public void Merge_Window_AddsCountsRegionsAndHistograms()
    {
        var a = With(s =>
        {
            s.RecordOutcome(LoadOutcomeKind.Response, 200, "us-east-1", TimeSpan.FromMilliseconds(10));
            s.RecordSend(TimeSpan.Zero, late: false);
        });
        var b = With(s =>
        {
            s.RecordOutcome(LoadOutcomeKind.Response, 502, "us-east-1", TimeSpan.FromMilliseconds(300));
            s.RecordOutcome(LoadOutcomeKind.Response, 200, "eu-west-1", TimeSpan.FromMilliseconds(20));
            s.RecordDropped();
        });

        var merged = LoadStats.Merge([a, LoadStats.Empty, b]);

        Assert.Equal(4, merged.Attempts);
        Assert.Equal(2, merged.Status2xx);
        Assert.Equal(1, merged.Status5xx);
        Assert.Equal(1, merged.DroppedSends);
        Assert.Equal(1, merged.Sent);
        Assert.Equal(2, merged.RegionCount("us-east-1"));
        Assert.Equal(1, merged.RegionCount("eu-west-1"));
        Assert.Equal(0.5, merged.SuccessRate);
        Assert.InRange(merged.MaxLatency.TotalMilliseconds, 298, 302);

        // The parts are untouched.
        Assert.Equal(1, a.Attempts);
        Assert.Equal(3, b.Attempts);
    }

    [Fact]
    public void Merge_Nothing_IsEmpty() => Assert.Equal(0, LoadStats.Merge([]).Attempts);

    [Fact]
    public void Merge_OneAfterAnother_EachOnlyItsOwnSpans()
    {
        // Merges reuse their scratch histograms: nothing of one may show in the next.
        var slow = With(s => s.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromSeconds(2)));
        var fast = With(s =>
        {
            s.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(5));
            s.RecordSend(TimeSpan.FromMilliseconds(1), late: false);
        });

        var first = LoadStats.Merge([slow, slow]);
        var second = LoadStats.Merge([fast]);

        Assert.Equal(2, first.LatencyCount);
        Assert.Equal(1, second.LatencyCount);
        Assert.InRange(second.MaxLatency.TotalMilliseconds, 4.9, 5.1);
        Assert.InRange(second.SendLag(100).TotalMilliseconds, 0.99, 1.01);
        Assert.InRange(first.MaxLatency.TotalSeconds, 1.98, 2.02);
    }

    [Fact]
    public void Merge_ManySeconds_PercentilesAsOfOneBigHistogram()
    {
        // 60 seconds of 1..100 ms each: merged p50 ≈ 50 ms, p99 ≈ 99 ms, and 6000 values.
        var seconds = Enumerable.Range(0, 60).Select(_ => With(s =>
        {
            for (var ms = 1; ms <= 100; ms++)
            {
                s.RecordOutcome(LoadOutcomeKind.Response, 200, null, TimeSpan.FromMilliseconds(ms));
            }
        })).ToArray();

        var merged = LoadStats.Merge(seconds);

        Assert.Equal(6000, merged.LatencyCount);
        Assert.InRange(merged.Latency(50).TotalMilliseconds, 49.5, 50.5);
        Assert.InRange(merged.Latency(99).TotalMilliseconds, 98, 100);
    }

    [Fact]
    public void Snapshot_NothingRecorded_IsTheSharedEmpty() => Assert.Same(LoadStats.Empty, new LoadAccumulator().Snapshot());
}
