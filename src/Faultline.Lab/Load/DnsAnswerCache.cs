using System.Net;
using Faultline.Lab.Dns;

namespace Faultline.Lab.Load;

/// <summary>
/// One population's resolver cache for its URL's host, as a client library keeps one: an answer is reused
/// until its TTL passes (lab time), concurrent lookups share one query, and a failure is remembered briefly
/// so a DNS fault does not turn every send into a query. Reports each change of answer.
/// </summary>
internal sealed class DnsAnswerCache
{
    private readonly string _host;
    private readonly IPAddress _source;
    private readonly DnsStubResolver _resolver;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _negativeTtl;
    private readonly Action<IReadOnlyList<IPAddress>, IReadOnlyList<IPAddress>, TimeSpan> _changed;
    private readonly Action<DnsResolutionStatus> _failed;
    private readonly Lock _lock = new();
    private readonly CancellationToken _stopping;
    private IPAddress[] _addresses = [];
    private long _expires;
    private DnsResolutionStatus? _failure;
    private Task<IPAddress[]>? _lookup;
    private int _next;

    public DnsAnswerCache(
        string host,
        IPAddress source,
        DnsStubResolver resolver,
        TimeProvider timeProvider,
        TimeSpan negativeTtl,
        Action<IReadOnlyList<IPAddress>, IReadOnlyList<IPAddress>, TimeSpan> changed,
        Action<DnsResolutionStatus> failed,
        CancellationToken stopping)
    {
        _host = host;
        _source = source;
        _resolver = resolver;
        _timeProvider = timeProvider;
        _negativeTtl = negativeTtl;
        _changed = changed;
        _failed = failed;
        _stopping = stopping;
        _expires = long.MinValue;
    }

    /// <summary>The last answer (empty before the first).</summary>
    public IReadOnlyList<IPAddress> Current => Volatile.Read(ref _addresses);

    /// <summary>The address for a new connection: the cached answer while fresh (rotating over several), else a new lookup.</summary>
    /// <exception cref="DnsLookupException">The host did not resolve.</exception>
    public async ValueTask<IPAddress> NextAddressAsync(CancellationToken cancellationToken)
    {
        Task<IPAddress[]> lookup;
        lock (_lock)
        {
            if (_timeProvider.GetTimestamp() < _expires)
            {
                return _failure is { } failure ? throw new DnsLookupException(_host, failure) : Pick(_addresses);
            }

            lookup = _lookup ??= LookupAsync();
        }

        var addresses = await lookup.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Pick(addresses);
    }

    /// <summary>Starts a lookup when the answer has expired (without waiting), so <see cref="Current"/> follows the DNS even while kept-alive connections need none.</summary>
    public void RefreshIfExpired()
    {
        if (_timeProvider.GetTimestamp() < Volatile.Read(ref _expires))
        {
            return;
        }

        lock (_lock)
        {
            if (_lookup is null && _timeProvider.GetTimestamp() >= _expires)
            {
                _lookup = LookupAsync();

                // Failures are remembered in the cache; nobody waits on this one.
                _lookup.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private IPAddress Pick(IPAddress[] addresses) =>
        addresses.Length == 1 ? addresses[0] : addresses[(int)((uint)Interlocked.Increment(ref _next) % (uint)addresses.Length)];

    private async Task<IPAddress[]> LookupAsync()
    {
        await Task.Yield();
        DnsResolution resolution;
        try
        {
            resolution = await _resolver.ResolveAsync(_host, _source, _stopping).ConfigureAwait(false);
        }
        catch
        {
            lock (_lock)
            {
                _lookup = null;
            }

            throw;
        }

        var now = _timeProvider.GetTimestamp();
        IPAddress[] previous;
        IPAddress[] current;
        lock (_lock)
        {
            _lookup = null;
            previous = _addresses;
            if (!resolution.Succeeded)
            {
                _failure = resolution.Status;
                _expires = now + ToTicks(_negativeTtl);
            }
            else
            {
                _failure = null;
                _addresses = [.. resolution.Addresses];
                _expires = resolution.Ttl >= TimeSpan.FromDays(365) ? long.MaxValue : now + ToTicks(resolution.Ttl);
            }

            current = _addresses;
        }

        if (!resolution.Succeeded)
        {
            _failed(resolution.Status);
            throw new DnsLookupException(_host, resolution.Status);
        }

        if (!previous.SequenceEqual(current))
        {
            _changed(previous, current, resolution.Ttl);
        }

        return current;
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _timeProvider.TimestampFrequency);
}
