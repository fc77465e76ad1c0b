using System.Net;
using System.Net.Sockets;

namespace Faultline.Lab.Net;

/// <summary>
/// Creates HTTP clients whose connections leave from a chosen loopback address (the load generator's
/// customers and the health checkers), so the lab can tell the caller's location from the source address.
/// Timeouts are in lab time, through the given <see cref="TimeProvider"/>.
/// </summary>
public static class SourceBoundHttp
{
    /// <summary>
    /// Set on a request to be told when its TCP connection is established (only for requests that open one).
    /// Health checkers use it to start the "2 s after connecting" clock.
    /// </summary>
    public static readonly HttpRequestOptionsKey<Action> ConnectedKey = new("Faultline.Connected");

    /// <summary>Creates a handler bound to <see cref="SourceBoundHttpOptions.SourceAddress"/>. URLs must carry IP literals (resolve through the lab DNS first).</summary>
    public static SocketsHttpHandler CreateHandler(SourceBoundHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = options.AutomaticDecompression,

            // The lab-time connect timeout is enforced in the callback; this wall-clock one must never fire first.
            ConnectTimeout = Timeout.InfiniteTimeSpan,
            ConnectCallback = async (context, ct) =>
            {
                var socket = await ConnectAsync(options.SourceAddress, context.DnsEndPoint, options.ConnectTimeout, options.TimeProvider, ct);
                if (context.InitialRequestMessage.Options.TryGetValue(ConnectedKey, out var connected))
                {
                    connected();
                }

                return new NetworkStream(socket, ownsSocket: true);
            },
        };

        if (options.ConnectionReuse == Core.Topology.ConnectionReuse.PerRequest)
        {
            // A zero lifetime means a connection is never handed out twice: every request connects anew.
            handler.PooledConnectionLifetime = TimeSpan.Zero;
        }

        return handler;
    }

    /// <summary>Creates a client over <see cref="CreateHandler"/>. Its own timeout is off: callers time requests in lab time.</summary>
    public static HttpClient CreateClient(SourceBoundHttpOptions options) =>
        new(CreateHandler(options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };

    // Linux's IPPROTO_IP and IP_BIND_ADDRESS_NO_PORT (linux/in.h), passed raw: .NET has no name for the option.
    private const int IpProtocolLevel = 0;
    private const int IpBindAddressNoPort = 24;

    /// <summary>Opens a TCP connection from <paramref name="source"/> (any port) to an IP-literal endpoint within <paramref name="timeout"/> (lab time).</summary>
    /// <exception cref="TimeoutException">The connect took longer than <paramref name="timeout"/>.</exception>
    public static async Task<Socket> ConnectAsync(IPAddress source, DnsEndPoint remote, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(remote);
        if (!IPAddress.TryParse(remote.Host, out var address))
        {
            throw new HttpRequestException($"'{remote.Host}' is not an IP address; lab clients resolve names through the lab DNS first.");
        }

        return await ConnectAsync(source, new IPEndPoint(address, remote.Port), timeout, timeProvider, cancellationToken);
    }

    /// <summary>Opens a TCP connection from <paramref name="source"/> (any port) to <paramref name="remote"/> within <paramref name="timeout"/> (lab time).</summary>
    /// <exception cref="TimeoutException">The connect took longer than <paramref name="timeout"/>.</exception>
    public static async Task<Socket> ConnectAsync(IPAddress source, IPEndPoint remote, TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            if (OperatingSystem.IsLinux())
            {
                // Let the kernel pick the source port at connect time, per destination, as it does for an unbound
                // client. With bind() alone every connection needs a port unique on the source address, and ports
                // held in TIME_WAIT run out at a few hundred new connections a second (perRequest load).
                socket.SetRawSocketOption(IpProtocolLevel, IpBindAddressNoPort, [1, 0, 0, 0]);
            }

            socket.Bind(new IPEndPoint(source, 0));
            using var timeoutCts = new CancellationTokenSource(timeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
            try
            {
                await socket.ConnectAsync(remote, linked.Token);
            }
            catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Connecting to {remote} from {source} took longer than {timeout}.");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
