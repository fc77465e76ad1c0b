using Faultline.Core.Load;

namespace Faultline.TestUtils.Runs;

/// <summary>Builds per-second traffic: one second's <see cref="LoadStats"/> from counts, and <see cref="LoadSecond"/>s.</summary>
public static class SomeTraffic
{
    /// <summary>One second's stats. Responses carry <paramref name="region"/> and <paramref name="latency"/> (default 20ms); timeouts carry 30s.</summary>
    public static LoadStats Stats(
        int ok = 0,
        int status4xx = 0,
        int status5xx = 0,
        int timeouts = 0,
        int connectErrors = 0,
        int dropped = 0,
        string? region = null,
        TimeSpan? latency = null,
        int status3xx = 0)
    {
        var stats = new LoadAccumulator();
        var responseLatency = latency ?? TimeSpan.FromMilliseconds(20);
        Record(stats, ok, LoadOutcomeKind.Response, 200, region, responseLatency);
        Record(stats, status3xx, LoadOutcomeKind.Response, 302, region, responseLatency);
        Record(stats, status4xx, LoadOutcomeKind.Response, 429, region, responseLatency);
        Record(stats, status5xx, LoadOutcomeKind.Response, 502, region, responseLatency);
        Record(stats, timeouts, LoadOutcomeKind.Timeout, 0, null, TimeSpan.FromSeconds(30));
        Record(stats, connectErrors, LoadOutcomeKind.ConnectError, 0, null, TimeSpan.Zero);
        for (var i = 0; i < dropped; i++)
        {
            stats.RecordDropped();
        }

        return stats.Snapshot();
    }

    /// <summary>A second of <paramref name="population"/>'s traffic starting at <paramref name="start"/>.</summary>
    public static LoadSecond Second(string population, DateTimeOffset start, LoadStats stats, long index = 0) => new()
    {
        Population = population,
        Url = new Uri("https://api.example.test/api/hello"),
        Index = index,
        Start = start,
        Stats = stats,
    };

    private static void Record(LoadAccumulator stats, int count, LoadOutcomeKind kind, int status, string? region, TimeSpan latency)
    {
        for (var i = 0; i < count; i++)
        {
            stats.RecordSend(TimeSpan.Zero, late: false);
            stats.RecordOutcome(kind, status, region, latency);
        }
    }
}
