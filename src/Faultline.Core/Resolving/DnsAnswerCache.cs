using System.Net;
using Faultline.Core.Time;

namespace Faultline.Core.Resolving;

/// <summary>
/// One population's resolver cache for its URL's host, as a client library keeps one, the rule both engines use:
/// an answer is reused until its TTL passes (lab time), concurrent lookups share one query, and a failure is
/// remembered for the negative TTL so a DNS fault does not turn every send into a query. Each new connection takes
/// the next address of the answer in turn. Reports each change of answer.
/// </summary>
/// <remarks>
/// The lookup starts on the caller's thread, outside the lock; whatever the resolver awaits decides where it goes
/// on. The live engine's resolver sends a UDP query; the simulated one answers at once or after a lab-time delay.
/// </remarks>
public sealed class DnsAnswerCache
{
    private readonly string _host;
    private readonly Func<string, CancellationToken, Task<DnsResolution>> _resolve;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _negativeTtl;
    private readonly Action<IReadOnlyList<IPAddress>, IReadOnlyList<IPAddress>, TimeSpan> _changed;
    private readonly Action<DnsResolutionStatus> _failed;
    private readonly Lock _lock = new();
    private readonly CancellationToken _stopping;
    private readonly bool _inline;
    private IPAddress[] _addresses = [];
    private long _expires;
    private DnsResolutionStatus? _failure;
    private Task<IPAddress[]>? _lookup;
    private int _next;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="host">The host name it resolves.</param>
    /// <param name="resolve">Asks the DNS for <paramref name="host"/> from the population's location.</param>
    /// <param name="timeProvider">Lab time (TTLs count in it).</param>
    /// <param name="negativeTtl">How long a failed lookup is remembered.</param>
    /// <param name="changed">Called with (previous, current, TTL) when the answer changes.</param>
    /// <param name="failed">Called when a lookup fails.</param>
    /// <param name="stopping">Cancels lookups when the population stops.</param>
    /// <param name="inlineContinuations">
    /// Whether the sends waiting for a lookup resume on the thread that completes it. Default <c>false</c>: on the
    /// thread pool, so one answer does not open every waiting connection on the DNS socket's thread (measured: it
    /// stalled a live run's first lab seconds). The simulated engine passes <c>true</c>: it runs on one thread.
    /// </param>
    public DnsAnswerCache(
        string host,
        Func<string, CancellationToken, Task<DnsResolution>> resolve,
        TimeProvider timeProvider,
        TimeSpan negativeTtl,
        Action<IReadOnlyList<IPAddress>, IReadOnlyList<IPAddress>, TimeSpan> changed,
        Action<DnsResolutionStatus> failed,
        CancellationToken stopping,
        bool inlineContinuations = false)
    {
        _inline = inlineContinuations;
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(changed);
        ArgumentNullException.ThrowIfNull(failed);
        _host = host;
        _resolve = resolve;
        _timeProvider = timeProvider;
        _negativeTtl = negativeTtl;
        _changed = changed;
        _failed = failed;
        _stopping = stopping;
        _expires = long.MinValue;
    }

    /// <summary>The last answer (empty before the first).</summary>
    public IReadOnlyList<IPAddress> Current => Volatile.Read(ref _addresses);

    /// <summary>The address for a new connection: from the cached answer, or after a lookup when it has expired.</summary>
    /// <exception cref="DnsLookupException">The name did not resolve (now, or within the negative TTL).</exception>
    public ValueTask<IPAddress> NextAddressAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_timeProvider.GetTimestamp() < _expires)
            {
                return _failure is { } failure ? ValueTask.FromException<IPAddress>(new DnsLookupException(_host, failure)) : ValueTask.FromResult(Pick(_addresses));
            }
        }

        return AwaitLookupAsync(StartLookup(), cancellationToken);
    }

    /// <summary>Starts a lookup in the background when the answer has expired, so the next connection finds a fresh one.</summary>
    public void RefreshIfExpired()
    {
        if (_timeProvider.GetTimestamp() < Volatile.Read(ref _expires))
        {
            return;
        }

        var lookup = StartLookup();

        // Failures are remembered in the cache; nobody waits on this one.
        _ = lookup.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async ValueTask<IPAddress> AwaitLookupAsync(Task<IPAddress[]> lookup, CancellationToken cancellationToken)
    {
        var addresses = await LabTasks.WithCancellation(lookup, _timeProvider, cancellationToken).ConfigureAwait(false);
        return Pick(addresses);
    }

    private Task<IPAddress[]> StartLookup()
    {
        TaskCompletionSource<IPAddress[]> started;
        lock (_lock)
        {
            if (_lookup is { } running)
            {
                return running;
            }

            if (_timeProvider.GetTimestamp() < _expires)
            {
                return _failure is { } failure ? Task.FromException<IPAddress[]>(new DnsLookupException(_host, failure)) : Task.FromResult(_addresses);
            }

            started = new TaskCompletionSource<IPAddress[]>(_inline ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);
            _lookup = started.Task;
        }

        _ = LookupAsync(started);
        return started.Task;
    }

    private IPAddress Pick(IPAddress[] addresses) =>
        addresses.Length == 1 ? addresses[0] : addresses[(int)((uint)Interlocked.Increment(ref _next) % (uint)addresses.Length)];

    private async Task LookupAsync(TaskCompletionSource<IPAddress[]> completion)
    {
        DnsResolution resolution;
        try
        {
            resolution = await _resolve(_host, _stopping).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Handed to whoever waits on the lookup.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            lock (_lock)
            {
                _lookup = null;
            }

            completion.TrySetException(ex);
            return;
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
            completion.TrySetException(new DnsLookupException(_host, resolution.Status));
            return;
        }

        if (!previous.SequenceEqual(current))
        {
            _changed(previous, current, resolution.Ttl);
        }

        completion.TrySetResult(current);
    }

    private long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * _timeProvider.TimestampFrequency);
}
