using System.Text;

namespace Faultline.Lab.Load;

/// <summary>
/// The region names a population has seen in <c>x-faultline-region</c>, kept as strings so that reading the header of
/// each response allocates nothing; a topology has a handful of regions. Thread-safe.
/// </summary>
internal sealed class LabRegionNames
{
    // More distinct values than this (not a lab gateway's) are decoded each time instead of being kept.
    private const int MaxKept = 64;

    private volatile (byte[] Bytes, string Name)[] _known = [];

    /// <summary>The header value as a string, the same instance every time for a value seen before.</summary>
    public string Of(ReadOnlySpan<byte> value)
    {
        var known = _known;
        foreach (var (bytes, name) in known)
        {
            if (value.SequenceEqual(bytes))
            {
                return name;
            }
        }

        var decoded = Encoding.UTF8.GetString(value);
        if (known.Length < MaxKept)
        {
            // A lost race only drops one entry, which is added again on its next appearance.
            _known = [.. known, (value.ToArray(), decoded)];
        }

        return decoded;
    }
}
