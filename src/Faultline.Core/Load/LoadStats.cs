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
    private readonly Dictionary<string, long> _regions;
    private readonly HistogramBase _latency;
    private readonly HistogramBase _sendLag;

    internal LoadStats()
        : this(LoadHistograms.CreateSecond(), LoadHistograms.CreateSecond())
    {
    }

    private LoadStats(HistogramBase latency, HistogramBase sendLag)
    {
        _regions = new Dictionary<string, long>(StringComparer.Ordinal);
        _latency = latency;
        _sendLag = sendLag;
    }

    /// <summary>An empty span.</summary>
    public static LoadStats Empty { get; } = new();

    /// <summary>Requests that left the generator.</summary>
    public long Sent { get; private set; }

    /// <summary>Responses of any status.</summary>
    public long Responses { get; private set; }

    /// <summary>Responses with status 200–299.</summary>
    public long Status2xx { get; private set; }

    /// <summary>Responses with status 300–399.</summary>
    public long Status3xx { get; private set; }

    /// <summary>Responses with status 400–499 (429 throttling included).</summary>
    public long Status4xx { get; private set; }

    /// <summary>Responses with status 500–599.</summary>
    public long Status5xx { get; private set; }

    /// <summary>Responses per answering region (<c>region_{region}</c>), from the <c>x-faultline-region</c> header or the <c>Hello from region X</c> body.</summary>
    public IReadOnlyDictionary<string, long> Regions => _regions;

    /// <summary>Requests whose connection could not be opened.</summary>
    public long ConnectErrors { get; private set; }

    /// <summary>Requests whose host did not resolve.</summary>
    public long DnsErrors { get; private set; }

    /// <summary>Requests without a response within the request timeout.</summary>
    public long Timeouts { get; private set; }

    /// <summary>Requests that failed after connecting (reset, truncated response).</summary>
    public long OtherErrors { get; private set; }

    /// <summary>Requests sent later than intended by more than the late threshold.</summary>
    public long LateSends { get; private set; }

    /// <summary>Requests never sent because the in-flight pool was full.</summary>
    public long DroppedSends { get; private set; }

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

    /// <summary>Responses from <paramref name="region"/> (0 when none).</summary>
    public long RegionCount(string region) => _regions.GetValueOrDefault(region);

    /// <summary>The share of responses that came from <paramref name="region"/>, 0–1; <c>null</c> without responses.</summary>
    public double? RegionShare(string region) => Responses == 0 ? null : (double)RegionCount(region) / Responses;

    /// <summary>Latency at <paramref name="percentile"/> (0–100), lab time from the intended send; zero when nothing was recorded.</summary>
    public TimeSpan Latency(double percentile) => LoadHistograms.At(_latency, percentile);

    /// <summary>Send lag at <paramref name="percentile"/> (0–100), wall time; zero when nothing was sent.</summary>
    public TimeSpan SendLag(double percentile) => LoadHistograms.At(_sendLag, percentile);

    /// <summary>How many latencies were recorded (responses and timeouts).</summary>
    public long LatencyCount => _latency.TotalCount;

    /// <summary>The largest latency recorded; zero when none.</summary>
    public TimeSpan MaxLatency => _latency.TotalCount == 0 ? TimeSpan.Zero : TimeSpan.FromMicroseconds(_latency.GetMaxValue());

    /// <summary>Adds up spans (e.g. the seconds of a check's window) into one, with merged histograms.</summary>
    public static LoadStats Merge(IEnumerable<LoadStats> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var merged = new LoadStats(LoadHistograms.CreateMerged(), LoadHistograms.CreateMerged());
        foreach (var span in spans)
        {
            merged.Add(span);
        }

        return merged;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"attempts {Attempts}: 2xx {Status2xx}, 3xx {Status3xx}, 4xx {Status4xx}, 5xx {Status5xx}, connect {ConnectErrors}, dns {DnsErrors}, timeout {Timeouts}, other {OtherErrors}, dropped {DroppedSends}, late {LateSends}; " +
        $"regions {string.Join(", ", _regions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value}"))}; p50 {Latency(50).TotalMilliseconds:0.###} ms, p99 {Latency(99).TotalMilliseconds:0.###} ms";

    /// <summary>Counts a request that left the generator <paramref name="lag"/> (wall) after its intended time.</summary>
    internal void RecordSend(TimeSpan lag, bool late)
    {
        Sent++;
        LoadHistograms.Record(_sendLag, lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
        if (late)
        {
            LateSends++;
        }
    }

    /// <summary>Counts a request the schedule called for that the full in-flight pool kept from being sent.</summary>
    internal void RecordDropped() => DroppedSends++;

    /// <summary>Counts a finished request.</summary>
    internal void RecordOutcome(LoadOutcomeKind kind, int statusCode, string? region, TimeSpan latency)
    {
        switch (kind)
        {
            case LoadOutcomeKind.Response:
                Responses++;
                switch (statusCode / 100)
                {
                    case 2: Status2xx++; break;
                    case 3: Status3xx++; break;
                    case 4: Status4xx++; break;
                    case 5: Status5xx++; break;
                    default: break;
                }

                if (region is not null)
                {
                    _regions[region] = _regions.GetValueOrDefault(region) + 1;
                }

                LoadHistograms.Record(_latency, latency);
                break;
            case LoadOutcomeKind.Timeout:
                Timeouts++;
                LoadHistograms.Record(_latency, latency);
                break;
            case LoadOutcomeKind.ConnectError:
                ConnectErrors++;
                break;
            case LoadOutcomeKind.DnsError:
                DnsErrors++;
                break;
            case LoadOutcomeKind.OtherError:
                OtherErrors++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>The latency histogram (µs), for the journal to encode; do not record into it.</summary>
    internal HistogramBase LatencyHistogram => _latency;

    /// <summary>The send-lag histogram (µs), for the journal to encode; do not record into it.</summary>
    internal HistogramBase SendLagHistogram => _sendLag;

    /// <summary>Rebuilds a span from what the journal stored: its counters in declaration order, regions and histograms.</summary>
    internal static LoadStats Restore(
        ReadOnlySpan<long> counters, IEnumerable<KeyValuePair<string, long>> regions, HistogramBase latency, HistogramBase sendLag)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentOutOfRangeException.ThrowIfNotEqual(counters.Length, RestoredCounterCount);
        var stats = new LoadStats(latency, sendLag)
        {
            Sent = counters[0],
            Responses = counters[1],
            Status2xx = counters[2],
            Status3xx = counters[3],
            Status4xx = counters[4],
            Status5xx = counters[5],
            ConnectErrors = counters[6],
            DnsErrors = counters[7],
            Timeouts = counters[8],
            OtherErrors = counters[9],
            LateSends = counters[10],
            DroppedSends = counters[11],
        };
        foreach (var (region, count) in regions)
        {
            stats._regions[region] = count;
        }

        return stats;
    }

    /// <summary>How many counters <see cref="Restore"/> takes.</summary>
    internal const int RestoredCounterCount = 12;

    private void Add(LoadStats other)
    {
        Sent += other.Sent;
        Responses += other.Responses;
        Status2xx += other.Status2xx;
        Status3xx += other.Status3xx;
        Status4xx += other.Status4xx;
        Status5xx += other.Status5xx;
        ConnectErrors += other.ConnectErrors;
        DnsErrors += other.DnsErrors;
        Timeouts += other.Timeouts;
        OtherErrors += other.OtherErrors;
        LateSends += other.LateSends;
        DroppedSends += other.DroppedSends;
        foreach (var (region, count) in other._regions)
        {
            _regions[region] = _regions.GetValueOrDefault(region) + count;
        }

        _latency.Add(other._latency);
        _sendLag.Add(other._sendLag);
    }
}
