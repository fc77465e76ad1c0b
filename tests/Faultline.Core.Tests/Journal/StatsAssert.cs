using Faultline.Core.Load;

namespace Faultline.Core.Tests.Journal;

/// <summary>Asserts two load spans say the same: every counter, region, status code and percentile.</summary>
internal static class StatsAssert
{
    private static readonly double[] Percentiles = [0, 1, 10, 50, 75, 90, 95, 99, 99.9, 100];

    public static void Equal(LoadStats expected, LoadStats actual)
    {
        Assert.Equal(expected.ToString(), actual.ToString());
        Assert.Equal(
            (expected.Sent, expected.Responses, expected.Status2xx, expected.Status3xx, expected.Status4xx, expected.Status5xx),
            (actual.Sent, actual.Responses, actual.Status2xx, actual.Status3xx, actual.Status4xx, actual.Status5xx));
        Assert.Equal(
            (expected.ConnectErrors, expected.DnsErrors, expected.Timeouts, expected.OtherErrors, expected.LateSends, expected.DroppedSends),
            (actual.ConnectErrors, actual.DnsErrors, actual.Timeouts, actual.OtherErrors, actual.LateSends, actual.DroppedSends));
        Assert.Equal(expected.Regions.OrderBy(r => r.Key, StringComparer.Ordinal), actual.Regions.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(expected.StatusCodes.OrderBy(c => c.Key), actual.StatusCodes.OrderBy(c => c.Key));
        Assert.Equal(expected.SuccessRate, actual.SuccessRate);
        Assert.Equal(expected.LatencyCount, actual.LatencyCount);
        Assert.Equal(expected.MaxLatency, actual.MaxLatency);
        foreach (var p in Percentiles)
        {
            Assert.Equal(expected.Latency(p), actual.Latency(p));
            Assert.Equal(expected.SendLag(p), actual.SendLag(p));
        }
    }
}
