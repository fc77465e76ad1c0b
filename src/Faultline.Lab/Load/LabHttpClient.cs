using System.Net.Sockets;
using System.Text;

namespace Faultline.Lab.Load;

/// <summary>
/// The HTTP/1.1 client of a population that sends to the lab's own gateways: a pool of at most
/// <c>maxConnections</c> connections, each opened through <c>connect</c> (the lab DNS, the population's source address).
/// A kept-alive connection is reused most-recently-used first and stays with the region it was opened to until it
/// closes; a new one is opened only when none is idle and the bound allows, and beyond the bound requests wait their
/// turn (the wait counts against their timeout). A connection that ends in an error, a reset or a timeout is closed.
/// With per-request connections every request connects anew. This is the connection model the simulated engine follows.
/// </summary>
/// <remarks>
/// <see cref="SocketsHttpHandler"/> leaves kilobytes of garbage and a dozen objects per request; at thousands of
/// requests a second in the same process as the gateway, collecting that garbage is what pauses the sends
/// (docs/lab.md, "Customers' connections"). The gateway answers plain HTTP/1.1 with a length, so a small client reads
/// exactly what the lab needs. Real endpoints (<c>faultline load</c>) keep <see cref="SocketsHttpHandler"/>: TLS and
/// any server.
/// </remarks>
internal sealed class LabHttpClient : IDisposable
{
    private readonly byte[] _request;
    private readonly int _maxConnections;
    private readonly bool _perRequest;
    private readonly TimeSpan _idleTimeout;
    private readonly TimeProvider _timeProvider;
    private readonly Func<CancellationToken, Task<Socket>> _connect;
    private readonly LabRegionNames _regions = new();
    private readonly Lock _lock = new();
    private readonly Stack<LabHttpConnection> _idle = new();
    private readonly Queue<Waiter> _waiting = new();
    private int _open;
    private bool _disposed;

    /// <summary>Creates the pool; nothing connects until the first request.</summary>
    /// <param name="requestUri">The URL every request asks for (plain HTTP; its host and port make the <c>Host</c> header).</param>
    /// <param name="maxConnections">The most connections open at once.</param>
    /// <param name="perRequest">Whether every request opens (and closes) its own connection.</param>
    /// <param name="idleTimeout">How long (lab time) an idle kept-alive connection may wait for its next request before it is closed instead.</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="connect">Opens a TCP connection to the host's current address.</param>
    public LabHttpClient(Uri requestUri, int maxConnections, bool perRequest, TimeSpan idleTimeout, TimeProvider timeProvider, Func<CancellationToken, Task<Socket>> connect)
    {
        ArgumentNullException.ThrowIfNull(requestUri);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConnections, 1);
        _request = RequestBytes(requestUri);
        _maxConnections = maxConnections;
        _perRequest = perRequest;
        _idleTimeout = idleTimeout;
        _timeProvider = timeProvider;
        _connect = connect;
    }

    /// <summary>Connections open now (busy or idle).</summary>
    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _open;
            }
        }
    }

    /// <summary>Sends the request and reads its response.</summary>
    /// <exception cref="IOException">The connection failed, was reset, or answered something that is not HTTP/1.1.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the request's timeout, or the stop).</exception>
    /// <remarks>Failures to resolve or to connect are the connect function's own exceptions.</remarks>
    public ValueTask<LabHttpResponse> SendAsync(CancellationToken cancellationToken)
    {
        // Mostly a kept-alive connection is idle: then the exchange is the only await that waits, and its own state machine
        // the only one per request.
        var acquire = AcquireAsync(cancellationToken);
        return acquire.IsCompletedSuccessfully
            ? acquire.Result.ExchangeAsync(_request, _regions, cancellationToken)
            : AcquiredAsync(acquire, cancellationToken);
    }

    /// <summary>Takes back a connection after its exchange: kept for the next request when <paramref name="reusable"/>, else closed.</summary>
    internal void Return(LabHttpConnection connection, bool reusable) => Release(connection, reusable && !_perRequest);

    /// <summary>Closes every idle connection; busy ones close as their requests end.</summary>
    public void Dispose()
    {
        LabHttpConnection[] idle;
        lock (_lock)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
            _open -= idle.Length;
        }

        foreach (var connection in idle)
        {
            connection.Dispose();
        }
    }

    private async ValueTask<LabHttpResponse> AcquiredAsync(ValueTask<LabHttpConnection> acquire, CancellationToken cancellationToken)
    {
        var connection = await acquire.ConfigureAwait(false);
        return await connection.ExchangeAsync(_request, _regions, cancellationToken).ConfigureAwait(false);
    }

    private static byte[] RequestBytes(Uri uri)
    {
        // What SocketsHttpHandler sends for a GET: the request line and Host (with the port unless it is the default).
        var host = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}";
        return Encoding.ASCII.GetBytes($"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {host}\r\n\r\n");
    }

    private async ValueTask<LabHttpConnection> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Waiter? waiter = null;
            LabHttpConnection? expired = null;
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_idle.TryPop(out var idle))
                {
                    if (_timeProvider.GetElapsedTime(idle.IdleSince) <= _idleTimeout)
                    {
                        return idle;
                    }

                    // The most recently used connection has idled too long, so every older one has too.
                    expired = idle;
                }

                if (expired is null && _open >= _maxConnections)
                {
                    waiter = new Waiter();
                    _waiting.Enqueue(waiter);
                }
                else if (expired is null)
                {
                    _open++;
                }
            }

            if (expired is not null)
            {
                CloseIdle(expired);
                continue;
            }

            if (waiter is not null)
            {
                // Every connection is busy: wait for one, and the wait counts against the request's timeout.
                using (cancellationToken.UnsafeRegister(static s => ((Waiter)s!).TrySetCanceled(), waiter))
                {
                    if (await waiter.Task.ConfigureAwait(false) is { } handed)
                    {
                        return handed;
                    }
                }

                // A connection closed: its place is this request's to open.
            }

            return await OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Opens a connection in a place already counted in _open.
    private async Task<LabHttpConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var socket = await _connect(cancellationToken).ConfigureAwait(false);
            return new LabHttpConnection(this, socket, _timeProvider.GetTimestamp());
        }
        catch
        {
            Release(null, reusable: false);
            throw;
        }
    }

    private void CloseIdle(LabHttpConnection expired)
    {
        LabHttpConnection[] older;
        lock (_lock)
        {
            older = [.. _idle];
            _idle.Clear();
            _open -= older.Length + 1;
        }

        expired.Dispose();
        foreach (var connection in older)
        {
            connection.Dispose();
        }
    }

    // Hands a connection back (reusable) or gives up its place (closed, or a failed open); either goes to the first
    // request still waiting, if any.
    private void Release(LabHttpConnection? connection, bool reusable)
    {
        Waiter? next = null;
        lock (_lock)
        {
            if (reusable && connection is not null && !_disposed)
            {
                connection.IdleSince = _timeProvider.GetTimestamp();
                while (_waiting.TryDequeue(out var waiter))
                {
                    if (waiter.TrySetResult(connection))
                    {
                        return;
                    }
                }

                _idle.Push(connection);
                return;
            }

            _open--;
            while (_waiting.TryDequeue(out var waiter))
            {
                if (!waiter.Task.IsCompleted)
                {
                    _open++;
                    next = waiter;
                    break;
                }
            }
        }

        connection?.Dispose();
        if (next is not null && !next.TrySetResult(null))
        {
            // It gave up meanwhile: the place goes back (and on to the next waiter).
            Release(null, reusable: false);
        }
    }

    /// <summary>A request waiting for a connection: handed one, or <c>null</c> for the place to open its own.</summary>
    private sealed class Waiter() : TaskCompletionSource<LabHttpConnection?>(TaskCreationOptions.RunContinuationsAsynchronously);
}
