using HdrHistogram;
using HdrHistogram.Utilities;
using Faultline.Core.Load;

namespace Faultline.Core.Journal;

/// <summary>
/// Stores load histograms in HdrHistogram's standard compressed V2 form (the same bytes other HdrHistogram
/// libraries read), so percentiles over any window can be recomputed from the journal.
/// </summary>
internal static class HistogramCodec
{
    /// <summary>Encodes a histogram; an empty one becomes an empty array.</summary>
    public static byte[] Encode(HistogramBase histogram)
    {
        if (histogram.TotalCount == 0)
        {
            return [];
        }

        // ByteBuffer writes into the array it was given; the compressed form is never larger than the raw capacity.
        var bytes = new byte[histogram.GetNeededByteBufferCapacity()];
        var length = HistogramEncoding.EncodeIntoCompressedByteBuffer(histogram, ByteBuffer.Allocate(bytes));
        return bytes[..length];
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote into a histogram of the load shape.</summary>
    public static HistogramBase Decode(byte[]? bytes)
    {
        var histogram = new LongHistogram(LoadHistograms.LowestMicroseconds, LoadHistograms.HighestMicroseconds, LoadHistograms.SignificantDigits);
        if (bytes is null || bytes.Length == 0)
        {
            return histogram;
        }

        var decoded = HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), LoadHistograms.HighestMicroseconds);
        histogram.Add(decoded);
        return histogram;
    }
}
