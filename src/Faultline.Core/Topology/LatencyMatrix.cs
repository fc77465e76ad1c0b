namespace Faultline.Core.Topology;

/// <summary>One-way network latency from a location to a region. Symmetric where one side was given.</summary>
public sealed class LatencyMatrix
{
    private readonly Dictionary<(string From, string To), TimeSpan> _entries;

    /// <summary>Creates a matrix from explicit (location, region) entries.</summary>
    public LatencyMatrix(IEnumerable<KeyValuePair<(string From, string To), TimeSpan>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = new Dictionary<(string, string), TimeSpan>();
        foreach (var entry in entries)
        {
            _entries[entry.Key] = entry.Value;
        }
    }

    /// <summary>The explicit and mirrored entries.</summary>
    public IReadOnlyDictionary<(string From, string To), TimeSpan> Entries => _entries;

    /// <summary>
    /// The one-way latency between a location and a region: the entry given for the pair, else its mirror,
    /// else zero when both name the same place, else <c>null</c>.
    /// </summary>
    public TimeSpan? Find(string location, string region)
    {
        if (_entries.TryGetValue((location, region), out var value))
        {
            return value;
        }

        if (_entries.TryGetValue((region, location), out value))
        {
            return value;
        }

        return string.Equals(location, region, StringComparison.Ordinal) ? TimeSpan.Zero : null;
    }

    /// <summary>The one-way latency, or zero where the topology gives none.</summary>
    public TimeSpan Get(string location, string region) => Find(location, region) ?? TimeSpan.Zero;
}
