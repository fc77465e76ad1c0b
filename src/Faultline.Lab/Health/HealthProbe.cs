using System.Net;
using System.Net.Sockets;
using Faultline.Core.Health;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Host;
using Faultline.Lab.Net;

namespace Faultline.Lab.Health;

/// <summary>
/// One Route 53-style probe (docs/lab.md, "What matches AWS"): resolve the check's own FQDN through the lab DNS from
/// the checker's address, then for HTTP(S) connect within 4 s, get 2xx/3xx within 2 s of connecting and,
/// for <c>*_STR_MATCH</c>, find the search string in the first 5,120 body bytes within 2 more seconds;
/// for TCP connect within 10 s. All limits are lab time, and the 2 s limits leave out the time the host stalled
/// (<see cref="IHostStalls"/>): a response the model delivered in time is not failed because this machine was busy.
/// </summary>
internal sealed class HealthProbe : IDisposable
{
    /// <summary>TCP connect limit of HTTP(S) checks.</summary>
    public static readonly TimeSpan HttpConnectTimeout = HealthProbeRules.HttpConnectTimeout;

    /// <summary>Limit for the status line after connecting, and again for the body of string-match checks.</summary>
    public static readonly TimeSpan ResponseTimeout = HealthProbeRules.ResponseTimeout;

    /// <summary>TCP connect limit of TCP checks.</summary>
    public static readonly TimeSpan TcpConnectTimeout = HealthProbeRules.TcpConnectTimeout;

    /// <summary>How much of the body a string match searches.</summary>
    public const int SearchBytes = HealthProbeRules.SearchBytes;

    private readonly HealthCheckConfig _check;
    private readonly IPAddress _source;
    private readonly DnsStubResolver _resolver;
    private readonly int _port;
    private readonly TimeProvider _timeProvider;
    /// <summary>How much host stall a limit is extended by at most: 4 times the limit (beyond, the second is host-impaired anyway).</summary>
    public const int MaxStallExtension = 4;

    private readonly HttpClient _client;
    private readonly IHostStalls? _stalls;

    public HealthProbe(HealthCheckConfig check, IPAddress source, DnsStubResolver resolver, int gatewayPort, TimeProvider timeProvider, IHostStalls? stalls = null)
    {
        _stalls = stalls;
        _check = check;
        _source = source;
        _resolver = resolver;
        _port = check.Port ?? gatewayPort;
        _timeProvider = timeProvider;

        // One client per checker, a new connection per probe as Route 53's checkers make: so the connect
        // signal always belongs to this probe's request.
        _client = SourceBoundHttp.CreateClient(new SourceBoundHttpOptions
        {
            SourceAddress = source,
            TimeProvider = timeProvider,
            ConnectionReuse = ConnectionReuse.PerRequest,
            ConnectTimeout = HttpConnectTimeout,

            // Route 53 searches the decompressed body of gzip/deflate responses.
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        });
    }

    /// <summary>Probes once. Returns (success, failure reason, probed address); throws only on cancellation.</summary>
    public async Task<(bool Success, string? Reason, IPAddress? Address)> ProbeAsync(CancellationToken cancellationToken)
    {
        var resolution = await _resolver.ResolveAsync(_check.Fqdn, _source, cancellationToken);
        if (!resolution.Succeeded)
        {
            return (false, HealthProbeRules.DnsFailed(resolution.Status.ToString()), null);
        }

        var address = resolution.Addresses[0];
        var reason = _check.Type == HealthCheckType.Tcp
            ? await ProbeTcpAsync(address, cancellationToken)
            : await ProbeHttpAsync(address, cancellationToken);
        return (reason is null, reason, address);
    }

    public void Dispose() => _client.Dispose();

    private async Task<string?> ProbeTcpAsync(IPAddress address, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = await SourceBoundHttp.ConnectAsync(_source, new IPEndPoint(address, _port), TcpConnectTimeout, _timeProvider, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            return "Failure: Connection timed out";
        }
        catch (SocketException ex)
        {
            return $"Failure: {ex.SocketErrorCode}";
        }
    }

    private async Task<string?> ProbeHttpAsync(IPAddress address, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{address}:{_port}{_check.Path}"));

        // Route 53 sends the FQDN as Host, with the port when it is not 80/443.
        request.Headers.Host = _port is 80 or 443 ? _check.Fqdn : $"{_check.Fqdn}:{_port}";
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        request.Options.Set(SourceBoundHttp.ConnectedKey, () => connected.TrySetResult());

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var send = _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
            await Task.WhenAny(connected.Task, send);
            if (!connected.Task.IsCompleted)
            {
                using var failed = await send; // throws the connect failure
                return "Failure: could not connect";
            }

            if (!await CompletesWithinAsync(send, ResponseTimeout, cts.Token))
            {
                return "Failure: HTTP response timed out";
            }

            using var response = await send;
            var status = (int)response.StatusCode;
            var body = Array.Empty<byte>();
            if (status is >= 200 and < 400 && HealthProbeRules.ReadsBody(_check))
            {
                var read = ReadPrefixAsync(response, cts.Token);
                if (!await CompletesWithinAsync(read, ResponseTimeout, cts.Token))
                {
                    return "Failure: response body timed out";
                }

                body = await read;
            }

            return HealthProbeRules.Judge(_check, status, body);
        }
        catch (TimeoutException)
        {
            return "Failure: Connection timed out";
        }
        catch (HttpRequestException ex)
        {
            return ex.InnerException is TimeoutException ? "Failure: Connection timed out" : $"Failure: {ex.Message}";
        }
        catch (IOException ex)
        {
            return $"Failure: {ex.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "Failure: HTTP response timed out";
        }
        finally
        {
            // Stops the request and any pending timers of this probe.
            await cts.CancelAsync();
        }
    }

    private async Task<bool> CompletesWithinAsync(Task task, TimeSpan limit, CancellationToken cancellationToken)
    {
        var start = _timeProvider.GetUtcNow();
        var deadline = start + limit;
        while (true)
        {
            using var delayCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var wait = deadline - _timeProvider.GetUtcNow();
            var delay = wait > TimeSpan.Zero ? Task.Delay(wait, _timeProvider, delayCts.Token) : Task.CompletedTask;
            var winner = await Task.WhenAny(task, delay);
            await delayCts.CancelAsync();
            if (winner == task || task.IsCompleted)
            {
                return true;
            }

            // The limit is modelled time: time the host spent not running the lab is given back, up to a bound.
            var stalled = _stalls?.StalledBetween(start, _timeProvider.GetUtcNow()) ?? TimeSpan.Zero;
            var extended = deadline - (start + limit);
            var allowed = stalled < limit * MaxStallExtension ? stalled : limit * MaxStallExtension;
            if (allowed <= extended)
            {
                return false;
            }

            deadline = start + limit + allowed;
        }
    }

    private static async Task<byte[]> ReadPrefixAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[SearchBytes];
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return buffer[..total];
    }
}
