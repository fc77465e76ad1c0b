using HdrHistogram;

namespace Faultline.Core.Load;

/// <summary>
/// One second's histogram of microsecond values. Besides the HdrHistogram it keeps the exact counts of up to
/// <see cref="MaxDistinct"/> distinct values, so a second with few distinct values (most seconds of a simulated run,
/// many of a live one) is snapshotted without walking the histogram's buckets; the snapshot is the same either way.
/// Not thread-safe (the aggregator locks).
/// </summary>
internal sealed class SecondHistogram
{
    /// <summary>How many distinct values are counted exactly before the histogram alone is used.</summary>
    public const int MaxDistinct = 64;

    private readonly HistogramBase _histogram = LoadHistograms.CreateSecond();
    private readonly Dictionary<long, long> _exact = [];
    private bool _overflowed;
    private bool _recorded;

    /// <summary>Records <paramref name="count"/> values of <paramref name="micros"/> (already clamped to the histogram's range).</summary>
    public void Record(long micros, long count = 1)
    {
        _histogram.RecordValueWithCount(micros, count);
        _recorded = true;
        if (_overflowed)
        {
            return;
        }

        if (_exact.TryGetValue(micros, out var existing))
        {
            _exact[micros] = existing + count;
        }
        else if (_exact.Count < MaxDistinct)
        {
            _exact[micros] = count;
        }
        else
        {
            _overflowed = true;
            _exact.Clear();
        }
    }

    /// <summary>Records a duration, clamped to the histogram's range.</summary>
    public void Record(TimeSpan value) =>
        Record(Math.Clamp(value.Ticks / TimeSpan.TicksPerMicrosecond, LoadHistograms.LowestMicroseconds, LoadHistograms.HighestMicroseconds));

    /// <summary>The compact copy.</summary>
    public SparseHistogram Snapshot()
    {
        if (!_recorded)
        {
            return SparseHistogram.Empty;
        }

        if (_overflowed)
        {
            return SparseHistogram.From(_histogram);
        }

        var buckets = new SortedDictionary<long, long>();
        foreach (var (value, count) in _exact)
        {
            var bucket = _histogram.HighestEquivalentValue(value);
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
        }

        return new SparseHistogram([.. buckets.Keys], [.. buckets.Values]);
    }

    /// <summary>Empties it for the next second.</summary>
    public void Reset()
    {
        if (_recorded)
        {
            _histogram.Reset();
        }

        _exact.Clear();
        _overflowed = false;
        _recorded = false;
    }
}
