using HdrHistogram;

namespace Faultline.Core.Load;

/// <summary>
/// What one population's load saw over a span (one second, or a window merged from seconds): the seed
/// load-gen's <c>status_2xx/4xx/5xx</c> and <c>region_{region}</c> counts, errors by kind, late and dropped
/// sends, and latency percentiles. Read-only once published.
/// </summary>
/// <remarks>
/// <para><b>Latency</b> is lab time from each request's <i>intended</i> send time to its response (or to the
/// moment it timed out), so a stalled server shows in the percentiles (no coordinated omission). Connect,
/// DNS and other errors carry no latency.</para>
/// <para><b>Send lag</b> is how much later than intended a request left, in <i>wall</i> time: it measures the
/// generator's machine, not the system under test. A send is <b>late</b> when its lag exceeds the
/// generator's threshold (default 1 ms wall).</para>
/// <para><b>Dropped</b> sends are requests the schedule called for that were never sent because the bounded
/// in-flight pool was full; they count as failed attempts (a customer was not served).</para>
/// </remarks>
public sealed class LoadStats
{
    private static readonly Dictionary<int, long> NoCodes = [];

    [ThreadStatic]
    private static HistogramBase? t_latencyScratch;

    [ThreadStatic]
    private static HistogramBase? t_sendLagScratch;

    private readonly LoadCounts _counts;
    private readonly Dictionary<string, long> _regions;
    private readonly Dictionary<int, long> _statusCodes;
    private readonly SparseHistogram _latency;
    private readonly SparseHistogram _sendLag;

    internal LoadStats(LoadCounts counts, Dictionary<string, long> regions, SparseHistogram latency, SparseHistogram sendLag, Dictionary<int, long>? statusCodes = null)
    {
        _counts = counts;
        _regions = regions;
        _latency = latency;
        _sendLag = sendLag;
        _statusCodes = statusCodes ?? NoCodes;
    }

    /// <summary>An empty span.</summary>
    public static LoadStats Empty { get; } = new(default, new Dictionary<string, long>(StringComparer.Ordinal), SparseHistogram.Empty, SparseHistogram.Empty);

    /// <summary>Requests that left the generator.</summary>
    public long Sent => _counts.Sent;

    /// <summary>Responses of any status.</summary>
    public long Responses => _counts.Responses;

    /// <summary>Responses with status 200–299.</summary>
    public long Status2xx => _counts.Status2xx;

    /// <summary>Responses with status 300–399.</summary>
    public long Status3xx => _counts.Status3xx;

    /// <summary>Responses with status 400–499 (429 throttling included).</summary>
    public long Status4xx => _counts.Status4xx;

    /// <summary>Responses with status 500–599.</summary>
    public long Status5xx => _counts.Status5xx;

    /// <summary>
    /// Responses per HTTP status code (200, 403, 429, 502…), so a 429 is told from a 403; the class counters
    /// (<see cref="Status4xx"/>…) are their sums per hundred. Empty for spans without responses, for journals written
    /// before codes were kept, and for runs read back from CloudWatch (which publishes classes only).
    /// </summary>
    public IReadOnlyDictionary<int, long> StatusCodes => _statusCodes;

    /// <summary>Responses per answering region (<c>region_{region}</c>), from the <c>x-faultline-region</c> header or the <c>Hello from region X</c> body.</summary>
    public IReadOnlyDictionary<string, long> Regions => _regions;

    /// <summary>Requests whose connection could not be opened.</summary>
    public long ConnectErrors => _counts.ConnectErrors;

    /// <summary>Requests whose host did not resolve.</summary>
    public long DnsErrors => _counts.DnsErrors;

    /// <summary>
    /// Requests without a response within the request timeout, including those still in flight past it when a second
    /// closed (counted there once, see <see cref="LoadSecond.Overdue"/>).
    /// </summary>
    public long Timeouts => _counts.Timeouts;

    /// <summary>Requests that failed after connecting (reset, truncated response).</summary>
    public long OtherErrors => _counts.OtherErrors;

    /// <summary>Requests sent later than intended by more than the late threshold.</summary>
    public long LateSends => _counts.LateSends;

    /// <summary>Requests never sent because the in-flight pool was full.</summary>
    public long DroppedSends => _counts.DroppedSends;

    /// <summary>Finished requests: responses plus errors of every kind (dropped sends excluded).</summary>
    public long Completed => Responses + ConnectErrors + DnsErrors + Timeouts + OtherErrors;

    /// <summary>Every attempt the schedule called for that has an outcome: <see cref="Completed"/> plus <see cref="DroppedSends"/>.</summary>
    public long Attempts => Completed + DroppedSends;

    /// <summary>All errors: connect, DNS, timeout, other, and dropped sends.</summary>
    public long Errors => ConnectErrors + DnsErrors + Timeouts + OtherErrors + DroppedSends;

    /// <summary>
    /// The seed's success rate: the share of <see cref="Attempts"/> answered 2xx, as a fraction 0–1. Errors and
    /// dropped sends count as failures; 3xx, 4xx (including 429) and 5xx are not successes. <c>null</c> when there
    /// were no attempts (a check over such a window is inconclusive, not passed).
    /// </summary>
    public double? SuccessRate => Attempts == 0 ? null : (double)Status2xx / Attempts;

    /// <summary>How many latencies were recorded (responses and timeouts).</summary>
    public long LatencyCount => _latency.TotalCount;

    /// <summary>The largest latency recorded (within the histogram's 1%); zero when none.</summary>
    public TimeSpan MaxLatency => TimeSpan.FromMicroseconds(_latency.Max);

    /// <summary>Responses from <paramref name="region"/> (0 when none).</summary>
    public long RegionCount(string region) => _regions.GetValueOrDefault(region);

    /// <summary>The share of responses that came from <paramref name="region"/>, 0–1; <c>null</c> without responses.</summary>
    public double? RegionShare(string region) => Responses == 0 ? null : (double)RegionCount(region) / Responses;

    /// <summary>Latency at <paramref name="percentile"/> (0–100), lab time from the intended send; zero when nothing was recorded.</summary>
    public TimeSpan Latency(double percentile) => TimeSpan.FromMicroseconds(_latency.ValueAt(percentile));

    /// <summary>
    /// The recorded latencies as (value, count) pairs in value order, each value its histogram bucket's highest
    /// equivalent (within 1%), lab time: what a metrics histogram with its own buckets is filled from.
    /// </summary>
    public IEnumerable<(TimeSpan Latency, long Count)> LatencyDistribution() =>
        _latency.Recorded().Select(b => (TimeSpan.FromMicroseconds(b.Value), b.Count));

    /// <summary>Send lag at <paramref name="percentile"/> (0–100), wall time; zero when nothing was sent.</summary>
    public TimeSpan SendLag(double percentile) => TimeSpan.FromMicroseconds(_sendLag.ValueAt(percentile));

    /// <summary>Adds up spans (e.g. the seconds of a check's window) into one, with merged histograms.</summary>
    public static LoadStats Merge(IEnumerable<LoadStats> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);

        // The full histograms are scratch (25 KB each, and checks, stop conditions and the console merge every second):
        // each thread reuses its own pair, emptied after use.
        var latency = t_latencyScratch ??= LoadHistograms.CreateMerged();
        var sendLag = t_sendLagScratch ??= LoadHistograms.CreateMerged();
        try
        {
            return MergeInto(spans, latency, sendLag);
        }
        finally
        {
            latency.Reset();
            sendLag.Reset();
        }
    }

    private static LoadStats MergeInto(IEnumerable<LoadStats> spans, HistogramBase latency, HistogramBase sendLag)
    {
        var counts = default(LoadCounts);
        var regions = new Dictionary<string, long>(StringComparer.Ordinal);
        var codes = new Dictionary<int, long>();
        foreach (var span in spans)
        {
            counts = counts.Add(span._counts);
            foreach (var (region, count) in span._regions)
            {
                regions[region] = regions.GetValueOrDefault(region) + count;
            }

            foreach (var (code, count) in span._statusCodes)
            {
                codes[code] = codes.GetValueOrDefault(code) + count;
            }

            span._latency.AddTo(latency);
            span._sendLag.AddTo(sendLag);
        }

        return new LoadStats(counts, regions, SparseHistogram.From(latency), SparseHistogram.From(sendLag), codes);
    }

    /// <summary>How many counters <see cref="Restore"/> takes.</summary>
    internal const int RestoredCounterCount = 12;

    /// <summary>The latency histogram (µs), materialized for the journal to encode.</summary>
    internal HistogramBase LatencyHistogram => Materialize(_latency);

    /// <summary>The send-lag histogram (µs), materialized for the journal to encode.</summary>
    internal HistogramBase SendLagHistogram => Materialize(_sendLag);

    /// <summary>Rebuilds a span from what the journal stored: its counters in declaration order, regions, histograms and status codes.</summary>
    internal static LoadStats Restore(
        ReadOnlySpan<long> counters, IEnumerable<KeyValuePair<string, long>> regions, HistogramBase latency, HistogramBase sendLag, IEnumerable<KeyValuePair<int, long>>? statusCodes = null)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentOutOfRangeException.ThrowIfNotEqual(counters.Length, RestoredCounterCount);
        var counts = new LoadCounts(counters[0], counters[1], counters[2], counters[3], counters[4], counters[5], counters[6], counters[7], counters[8], counters[9], counters[10], counters[11]);
        var byRegion = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (region, count) in regions)
        {
            byRegion[region] = count;
        }

        var byCode = new Dictionary<int, long>();
        foreach (var (code, count) in statusCodes ?? [])
        {
            byCode[code] = count;
        }

        return new LoadStats(counts, byRegion, SparseHistogram.From(latency), SparseHistogram.From(sendLag), byCode);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"attempts {Attempts}: 2xx {Status2xx}, 3xx {Status3xx}, 4xx {Status4xx}, 5xx {Status5xx}, connect {ConnectErrors}, dns {DnsErrors}, timeout {Timeouts}, other {OtherErrors}, dropped {DroppedSends}, late {LateSends}; " +
        $"regions {string.Join(", ", _regions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))}; p50 {Latency(50).TotalMilliseconds:0.###} ms, p99 {Latency(99).TotalMilliseconds:0.###} ms";

    private static HistogramBase Materialize(SparseHistogram histogram)
    {
        var full = LoadHistograms.CreateMerged();
        histogram.AddTo(full);
        return full;
    }
}
