using System.Net;
using System.Net.Sockets;
using Faultline.Core.Addressing;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Gateway;

/// <summary>
/// Every region's API Gateway on real sockets: one Kestrel server listening on each region's gateway
/// address (<c>127.0.k.1</c>) on one shared port, so a DNS answer (an IP) is enough to reach a region.
/// The region is known from the local address, the caller's location from the remote address.
/// </summary>
/// <remarks>
/// The request pipeline, in this fixed order: initializer (region, caller location) → network faults
/// (blackhole holds the request until the caller or the lab gives up; reset aborts the connection) →
/// network latency in → routing → function invocation (faults inside) → response mapping → network
/// latency out. Latencies are the topology's one-way latency plus any <c>network</c> latency fault, in lab time.
/// </remarks>
public sealed class GatewayServer : IAsyncDisposable
{
    private const int MaxBindAttempts = 10;

    private readonly AddressPlan _plan;
    private readonly IReadOnlyList<string> _regions;
    private readonly RegionalGateway _regional;
    private readonly TimeProvider _timeProvider;
    private readonly GatewayServerOptions _options;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;

    /// <summary>Creates the server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="topology">The topology (regions and locations define the addresses).</param>
    /// <param name="gateway">Routing, invocation and mapping.</param>
    /// <param name="network">Network latency and <c>network</c> faults.</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="options">Connection limits; defaults as documented on <see cref="GatewayServerOptions"/>.</param>
    /// <param name="logger">Where to log; default none.</param>
    public GatewayServer(Core.Topology.Topology topology, ApiGateway gateway, NetworkPolicy network, TimeProvider timeProvider, GatewayServerOptions? options = null, ILogger<GatewayServer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(gateway);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _plan = AddressPlan.For(topology);
        _regions = topology.Regions.Select(r => r.Name).ToArray();
        _regional = new RegionalGateway(gateway, network, timeProvider);
        _timeProvider = timeProvider;
        _options = options ?? new GatewayServerOptions();
        _logger = logger ?? NullLogger<GatewayServer>.Instance;
    }

    /// <summary>The port every gateway listens on (0 before <see cref="StartAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The gateway URL of a region, e.g. <c>http://127.0.1.1:PORT/</c>.</summary>
    public Uri UrlOf(string region) => new($"http://{_plan.GatewayAddress(region)}:{Port}/");

    /// <summary>
    /// Binds every region's gateway address on <paramref name="port"/>; with 0, picks a free port on the
    /// first address and binds the rest on it, retrying with another port when one clashes.
    /// </summary>
    public async Task StartAsync(int port, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        if (_app is not null)
        {
            throw new InvalidOperationException("The gateways are already started.");
        }

        var addresses = _regions.Select(_plan.GatewayAddress).ToArray();
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port == 0 ? PickPort(addresses[0]) : port;
            var app = Build(addresses, chosen);
            try
            {
                await app.StartAsync(cancellationToken).ConfigureAwait(false);
                _app = app;
                Port = chosen;
                GatewayLog.Listening(_logger, chosen, _regions);
                return;
            }
            catch (IOException ex) when (port == 0 && attempt < MaxBindAttempts && ex.InnerException is AddressInUseException)
            {
                GatewayLog.PortClash(_logger, chosen, attempt);
                await app.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Stops listening; blackholed requests are released (their connections aborted).</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        _stopping.Dispose();
    }

    private static int PickPort(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private WebApplication Build(IPAddress[] addresses, int port)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());

        // No grace at shutdown: stopping aborts every connection at once, which cancels each request's RequestAborted, so
        // in-flight requests (latency waits, invocations, blackholes) end when the lab stops.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.Zero);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;

            // Every gateway connection costs this process a descriptor (two when the load runs in it too): bounded, so
            // load can never exhaust RLIMIT_NOFILE; see docs/lab.md.
            options.Limits.MaxConcurrentConnections = _options.MaxConnections;
            foreach (var address in addresses)
            {
                options.Listen(address, port);
            }
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        return app;
    }

    private async Task HandleAsync(HttpContext context)
    {
        // 1. Initializer: which region was called, and from where.
        var region = context.Connection.LocalIpAddress is { } local ? _plan.RegionAt(local) : null;
        if (region is null)
        {
            GatewayLog.NoRegion(_logger, context.Connection.LocalIpAddress);
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            return;
        }

        var location = context.Connection.RemoteIpAddress is { } remote ? _plan.LocationOf(remote) : null;

        // Stopping aborts every connection at once (no shutdown grace, see Build), which cancels this too.
        var cancellationToken = context.RequestAborted;
        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "/";
        try
        {
            // 2–7: network faults, latency in, routing and invocation (faults inside), latency out (docs/lab.md).
            var request = await ReadRequestAsync(context, cancellationToken).ConfigureAwait(false);
            var exchange = await _regional.ExchangeAsync(region, location, request, cancellationToken).ConfigureAwait(false);
            switch (exchange.Kind)
            {
                case GatewayExchangeKind.Blackhole:
                    GatewayLog.Blackholed(_logger, method, path, region, location, exchange.Decision.Faults);
                    await BlackholeAsync(cancellationToken).ConfigureAwait(false);
                    return;
                case GatewayExchangeKind.Reset:
                    GatewayLog.Reset(_logger, method, path, region, location, exchange.Decision.Faults);
                    Reset(context);
                    return;
                default:
                    await WriteResponseAsync(context, exchange.Response!, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            // The caller gave up or the lab is stopping: drop the connection without an answer.
            context.Abort();
        }
    }

    // Holds a blackholed request until the caller or the lab gives up.
    private async Task BlackholeAsync(CancellationToken requestAborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, _stopping.Token);
        await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, linked.Token).ConfigureAwait(false);
    }

    private static void Reset(HttpContext context)
    {
        // A zero linger turns the close into a TCP RST, which is what "connection reset" means to the caller.
        if (context.Features.Get<IConnectionSocketFeature>()?.Socket is { } socket)
        {
            socket.LingerState = new LingerOption(true, 0);
        }

        context.Abort();
    }

    private static ValueTask<FunctionRequest> ReadRequestAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var headers = new KeyValuePair<string, string>[request.Headers.Count];
        var i = 0;
        foreach (var header in request.Headers)
        {
            headers[i++] = new(header.Key, header.Value.ToString());
        }

        // A request that cannot have a body (neither Content-Length nor Transfer-Encoding, as a plain GET) is not read.
        return context.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false }
            ? ValueTask.FromResult(FunctionRequestOf(request, headers, ReadOnlyMemory<byte>.Empty))
            : ReadBodyAsync(request, headers, cancellationToken);
    }

    private static async ValueTask<FunctionRequest> ReadBodyAsync(HttpRequest request, KeyValuePair<string, string>[] headers, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
        return FunctionRequestOf(request, headers, body.ToArray());
    }

    private static FunctionRequest FunctionRequestOf(HttpRequest request, KeyValuePair<string, string>[] headers, ReadOnlyMemory<byte> body) => new()
    {
        Method = request.Method,
        Path = request.Path.Value ?? "/",
        QueryString = request.QueryString.Value ?? string.Empty,
        Headers = new RequestHeaders(headers),
        Body = body,
    };

    private static async Task WriteResponseAsync(HttpContext context, GatewayResponse response, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = response.StatusCode;
        var headers = response.Headers;
        for (var i = 0; i < headers.Count; i++)
        {
            var (name, value) = headers[i];
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.ContentType = value;
            }
            else
            {
                context.Response.Headers.Append(name, value);
            }
        }

        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, cancellationToken).ConfigureAwait(false);
    }
}
