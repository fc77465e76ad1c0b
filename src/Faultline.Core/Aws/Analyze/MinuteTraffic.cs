using Faultline.Core.Load;

namespace Faultline.Core.Aws.Analyze;

/// <summary>
/// One client's counters over one 1-minute datapoint, and how they are spread over the minute's 60 lab seconds: evenly
/// for the headline, or with one kind of outcome first for the bounds a check's partial minutes are judged by.
/// </summary>
internal sealed record MinuteTraffic(string Client, Uri Url, DateTimeOffset Start, long[] Outcomes, IReadOnlyDictionary<string, long> Regions)
{
    /// <summary>The outcome counters in <see cref="Outcomes"/> order: 2xx, 3xx, 4xx, 5xx, connect, dns, timeout, other, dropped.</summary>
    public const int OutcomeCount = 9;

    public long Total => Outcomes.Sum();

    /// <summary>
    /// The minute's seconds. With <paramref name="reversed"/> <c>null</c> each outcome is spread evenly; otherwise
    /// outcomes (and regions) take the seconds in their order (2xx first, regions by name), or in the reverse order.
    /// </summary>
    public IEnumerable<LoadSecond> Seconds(DateTimeOffset runStart, bool? reversed)
    {
        var regionNames = Regions.Keys.Order(StringComparer.Ordinal).ToList();
        if (reversed == true)
        {
            regionNames.Reverse();
        }

        var outcomeOrder = Enumerable.Range(0, OutcomeCount).ToList();
        if (reversed == true)
        {
            outcomeOrder.Reverse();
        }

        var outcomeTotal = Total;
        var regionTotal = Regions.Values.Sum();
        for (var i = 0; i < 60; i++)
        {
            var outcomes = new long[OutcomeCount];
            foreach (var k in outcomeOrder)
            {
                outcomes[k] = reversed is null ? Share(Outcomes[k], i) : Slice(outcomeOrder.Select(o => Outcomes[o]).ToList(), outcomeOrder.IndexOf(k), outcomeTotal, i);
            }

            var regions = new Dictionary<string, long>(StringComparer.Ordinal);
            var counts = regionNames.Select(r => Regions[r]).ToList();
            for (var r = 0; r < regionNames.Count; r++)
            {
                var n = reversed is null ? Share(counts[r], i) : Slice(counts, r, regionTotal, i);
                if (n > 0)
                {
                    regions[regionNames[r]] = n;
                }
            }

            var start = Start + TimeSpan.FromSeconds(i);
            var completed = outcomes[..8].Sum();
            var stats = new LoadStats(
                new LoadCounts(completed, outcomes[..4].Sum(), outcomes[0], outcomes[1], outcomes[2], outcomes[3], outcomes[4], outcomes[5], outcomes[6], outcomes[7], 0, outcomes[8]),
                regions,
                SparseHistogram.Empty,
                SparseHistogram.Empty);
            yield return new LoadSecond { Population = Client, Url = Url, Index = (long)(start - runStart).TotalSeconds, Start = start, Stats = stats };
        }
    }

    // Even spreading that keeps the total exact: second i gets floor(n(i+1)/60) - floor(ni/60).
    private static long Share(long n, int i) => (n * (i + 1) / 60) - (n * i / 60);

    // Ordered spreading: the minute's requests in order, second i takes positions [total·i/60, total·(i+1)/60); this
    // returns how many of them belong to category k when the categories come in list order.
    private static long Slice(List<long> counts, int k, long total, int i)
    {
        var from = total * i / 60;
        var to = total * (i + 1) / 60;
        var before = counts.Take(k).Sum();
        var start = Math.Max(from, before);
        var end = Math.Min(to, before + counts[k]);
        return Math.Max(0, end - start);
    }
}
