using HdrHistogram;

namespace Faultline.Core.Load;

/// <summary>
/// A finished histogram kept as its non-empty buckets only (each bucket's highest equivalent value and
/// count). A second of load touches tens to a few hundred buckets of the thousands a full histogram holds,
/// so keeping every second of a long run stays cheap, and nothing large survives into the older GC generations.
/// </summary>
internal sealed class SparseHistogram
{
    public static readonly SparseHistogram Empty = new([], []);

    private readonly long[] _values;
    private readonly long[] _counts;

    internal SparseHistogram(long[] values, long[] counts)
    {
        _values = values;
        _counts = counts;
        foreach (var count in counts)
        {
            TotalCount += count;
        }
    }

    public long TotalCount { get; }

    /// <summary>The largest recorded value (its bucket's highest equivalent value); 0 when empty.</summary>
    public long Max => _values.Length == 0 ? 0 : _values[^1];

    /// <summary>How many buckets are kept.</summary>
    public int Buckets => _values.Length;

    public static SparseHistogram From(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        var values = new List<long>();
        var counts = new List<long>();
        foreach (var bucket in histogram.RecordedValues())
        {
            values.Add(histogram.HighestEquivalentValue(bucket.ValueIteratedTo));
            counts.Add(bucket.CountAtValueIteratedTo);
        }

        return new SparseHistogram([.. values], [.. counts]);
    }

    /// <summary>The value at <paramref name="percentile"/> (0–100), computed as HdrHistogram does; 0 when empty.</summary>
    public long ValueAt(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (TotalCount == 0)
        {
            return 0;
        }

        var target = Math.Max(1, (long)((percentile / 100 * TotalCount) + 0.5));
        var cumulative = 0L;
        for (var i = 0; i < _values.Length; i++)
        {
            cumulative += _counts[i];
            if (cumulative >= target)
            {
                return _values[i];
            }
        }

        return _values[^1];
    }

    /// <summary>The kept buckets in value order: each one's highest equivalent value and its count.</summary>
    public IEnumerable<(long Value, long Count)> Recorded()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return (_values[i], _counts[i]);
        }
    }

    /// <summary>Adds this histogram's counts into <paramref name="target"/> (same bucket layout).</summary>
    public void AddTo(HistogramBase target)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            target.RecordValueWithCount(_values[i], _counts[i]);
        }
    }
}
