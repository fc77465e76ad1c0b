using HdrHistogram;
using Faultline.Core.Load;

namespace Faultline.Core.Journal;

/// <summary>
/// Stores a load histogram as its non-zero buckets, so percentiles over any window can be recomputed from the
/// journal exactly: a format byte (1), then per bucket, in ascending order, the 7-bit-encoded difference from the
/// previous bucket's value (µs) and the count. Restoring records each count at its bucket's value, which lands in
/// the same bucket of a histogram of the same shape.
/// </summary>
internal static class HistogramCodec
{
    private const byte Format = 1;

    /// <summary>Encodes a histogram; an empty one becomes an empty array.</summary>
    public static byte[] Encode(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return [];
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Format);
            var previous = 0L;
            foreach (var bucket in histogram.RecordedValues())
            {
                writer.Write7BitEncodedInt64(bucket.ValueIteratedTo - previous);
                writer.Write7BitEncodedInt64(bucket.CountAtValueIteratedTo);
                previous = bucket.ValueIteratedTo;
            }
        }

        return stream.ToArray();
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote into a histogram of the load shape.</summary>
    /// <exception cref="InvalidDataException">The bytes are not in this format.</exception>
    public static HistogramBase Decode(byte[]? bytes)
    {
        var histogram = new LongHistogram(LoadHistograms.LowestMicroseconds, LoadHistograms.HighestMicroseconds, LoadHistograms.SignificantDigits);
        if (bytes is null || bytes.Length == 0)
        {
            return histogram;
        }

        if (bytes[0] != Format)
        {
            throw new InvalidDataException($"histogram format {bytes[0]}, this Faultline reads {Format}");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 1, bytes.Length - 1, writable: false));
        var value = 0L;
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            value += reader.Read7BitEncodedInt64();
            histogram.RecordValueWithCount(Math.Min(value, LoadHistograms.HighestMicroseconds), reader.Read7BitEncodedInt64());
        }

        return histogram;
    }
}
