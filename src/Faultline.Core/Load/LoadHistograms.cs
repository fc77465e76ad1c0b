using HdrHistogram;

namespace Faultline.Core.Load;

/// <summary>
/// The shape of every load histogram: values in microseconds from 1 µs to 1 hour, 2 significant digits
/// (each value within 1%) — far finer than any threshold a hypothesis states. A finished second keeps only
/// its non-empty buckets, so memory stays flat however long the run.
/// </summary>
public static class LoadHistograms
{
    /// <summary>The smallest distinguishable value: 1 µs.</summary>
    public const long LowestMicroseconds = 1;

    /// <summary>The largest recordable value: 1 hour, in µs. Larger values are clamped to it.</summary>
    public const long HighestMicroseconds = 3_600_000_000;

    /// <summary>Significant decimal digits kept: 2.</summary>
    public const int SignificantDigits = 2;

    /// <summary>A new empty histogram of this shape with 32-bit counts (one second never holds 2³¹ values).</summary>
    internal static HistogramBase CreateSecond() => new IntHistogram(LowestMicroseconds, HighestMicroseconds, SignificantDigits);

    /// <summary>A new empty histogram of this shape with 64-bit counts, for merges over long windows.</summary>
    internal static HistogramBase CreateMerged() => new LongHistogram(LowestMicroseconds, HighestMicroseconds, SignificantDigits);

    /// <summary>Records a duration, clamped to the histogram's range.</summary>
    internal static void Record(HistogramBase histogram, TimeSpan value)
    {
        var micros = value.Ticks / TimeSpan.TicksPerMicrosecond;
        histogram.RecordValue(Math.Clamp(micros, LowestMicroseconds, HighestMicroseconds));
    }
}
