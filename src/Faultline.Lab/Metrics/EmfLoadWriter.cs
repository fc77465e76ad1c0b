using Faultline.Core.Load;

namespace Faultline.Lab.Metrics;

/// <summary>
/// Writes each finished second of load as one <see cref="EmbeddedMetricFormat"/> line to a text writer (a file, or
/// standard output that a log agent ships to CloudWatch Logs), flushed at once so a stopped task loses nothing.
/// Remembers the regions each URL has seen, so a region that stops answering is reported as 0, not left out.
/// Thread-safe: the load generator publishes from timer threads.
/// </summary>
public sealed class EmfLoadWriter
{
    private readonly TextWriter _writer;
    private readonly string _namespace;
    private readonly Lock _lock;
    private readonly Dictionary<Uri, SortedSet<string>> _regions = [];

    /// <summary>Creates the writer.</summary>
    /// <param name="writer">Where the lines go; the caller owns it.</param>
    /// <param name="metricNamespace">The CloudWatch namespace; default <see cref="EmbeddedMetricFormat.DefaultNamespace"/>.</param>
    /// <param name="writeLock">A lock shared with anything else writing to <paramref name="writer"/> (progress on standard output), so lines never interleave; default a lock of its own.</param>
    public EmfLoadWriter(TextWriter writer, string metricNamespace = EmbeddedMetricFormat.DefaultNamespace, Lock? writeLock = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(metricNamespace);
        if (EmbeddedMetricFormat.ValidateNamespace(metricNamespace) is { } error)
        {
            throw new ArgumentException($"The namespace '{metricNamespace}' {error}.", nameof(metricNamespace));
        }

        _writer = writer;
        _namespace = metricNamespace;
        _lock = writeLock ?? new Lock();
    }

    /// <summary>Lines written so far.</summary>
    public long Lines { get; private set; }

    /// <summary>Writes the line for <paramref name="second"/> and flushes.</summary>
    public void Write(LoadSecond second)
    {
        ArgumentNullException.ThrowIfNull(second);
        lock (_lock)
        {
            if (!_regions.TryGetValue(second.Url, out var seen))
            {
                seen = new SortedSet<string>(StringComparer.Ordinal);
                _regions[second.Url] = seen;
            }

            seen.UnionWith(second.Stats.Regions.Keys);
            _writer.WriteLine(EmbeddedMetricFormat.Format(second, _namespace, seen));
            _writer.Flush();
            Lines++;
        }
    }
}
