namespace Faultline.Core.Load;

/// <summary>The open second of a <see cref="LoadAggregator"/>: mutable counts and full histograms, reused second after second. Not thread-safe (the aggregator locks).</summary>
internal sealed class LoadAccumulator
{
    private readonly Dictionary<string, long> _regions = new(StringComparer.Ordinal);
    private readonly Dictionary<int, long> _statusCodes = [];
    private readonly SecondHistogram _latency = new();
    private readonly SecondHistogram _sendLag = new();
    private long _sent;
    private long _responses;
    private long _status2xx;
    private long _status3xx;
    private long _status4xx;
    private long _status5xx;
    private long _connectErrors;
    private long _dnsErrors;
    private long _timeouts;
    private long _otherErrors;
    private long _lateSends;
    private long _droppedSends;
    private long _overdue;

    /// <summary>Whether nothing was recorded since the last <see cref="Clear"/>.</summary>
    public bool IsEmpty => _sent == 0 && _droppedSends == 0 && _responses == 0 && _connectErrors == 0 && _dnsErrors == 0 && _timeouts == 0 && _otherErrors == 0;

    public void RecordSend(TimeSpan lag, bool late)
    {
        _sent++;
        _sendLag.Record(lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
        if (late)
        {
            _lateSends++;
        }
    }

    public void RecordDropped() => _droppedSends++;

    /// <summary>Timeouts recorded by <see cref="RecordOverdue"/> since the last <see cref="Clear"/>.</summary>
    public long Overdue => _overdue;

    /// <summary>Counts requests still in flight past their timeout as timeouts that waited <paramref name="waited"/>.</summary>
    public void RecordOverdue(long count, TimeSpan waited)
    {
        if (count <= 0)
        {
            return;
        }

        _timeouts += count;
        _overdue += count;
        var micros = waited.Ticks / TimeSpan.TicksPerMicrosecond;
        _latency.Record(Math.Clamp(micros, LoadHistograms.LowestMicroseconds, LoadHistograms.HighestMicroseconds), count);
    }

    public void RecordOutcome(LoadOutcomeKind kind, int statusCode, string? region, TimeSpan latency)
    {
        switch (kind)
        {
            case LoadOutcomeKind.Response:
                _responses++;
                _statusCodes[statusCode] = _statusCodes.GetValueOrDefault(statusCode) + 1;
                switch (statusCode / 100)
                {
                    case 2: _status2xx++; break;
                    case 3: _status3xx++; break;
                    case 4: _status4xx++; break;
                    case 5: _status5xx++; break;
                    default: break;
                }

                if (region is not null)
                {
                    _regions[region] = _regions.GetValueOrDefault(region) + 1;
                }

                _latency.Record(latency);
                break;
            case LoadOutcomeKind.Timeout:
                _timeouts++;
                _latency.Record(latency);
                break;
            case LoadOutcomeKind.ConnectError:
                _connectErrors++;
                break;
            case LoadOutcomeKind.DnsError:
                _dnsErrors++;
                break;
            case LoadOutcomeKind.OtherError:
                _otherErrors++;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    /// <summary>A read-only copy with compact histograms (<see cref="LoadStats.Empty"/> when nothing happened).</summary>
    public LoadStats Snapshot() => IsEmpty ? LoadStats.Empty : new LoadStats(
        new LoadCounts(_sent, _responses, _status2xx, _status3xx, _status4xx, _status5xx, _connectErrors, _dnsErrors, _timeouts, _otherErrors, _lateSends, _droppedSends),
        new Dictionary<string, long>(_regions, StringComparer.Ordinal),
        _latency.Snapshot(),
        _sendLag.Snapshot(),
        new Dictionary<int, long>(_statusCodes));

    public void Clear()
    {
        _sent = _responses = _status2xx = _status3xx = _status4xx = _status5xx = 0;
        _connectErrors = _dnsErrors = _timeouts = _otherErrors = _lateSends = _droppedSends = _overdue = 0;
        _regions.Clear();
        _statusCodes.Clear();
        _latency.Reset();
        _sendLag.Reset();
    }
}
