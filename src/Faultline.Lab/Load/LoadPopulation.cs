using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Faultline.Core.Load;
using Faultline.Core.Randomness;
using Faultline.Core.Resolving;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Core.Gateway;
using Faultline.Lab.Dns;
using Faultline.Lab.Host;
using Faultline.Lab.Net;
using Microsoft.Extensions.Logging;

namespace Faultline.Lab.Load;

/// <summary>
/// One client population sending open-model load: requests leave at the times its
/// <see cref="ArrivalSchedule"/> intends, however slowly answers come back, from the population's customer
/// address, to its URL's host resolved through the lab DNS from there (cached for the TTL), over kept-alive
/// or per-request connections. Created and driven by <see cref="LoadGenerator"/>. A population of a generator for
/// real endpoints (<c>faultline load</c>) sends to its URL as written instead: the system's DNS, the OS's choice of
/// source address, TLS for <c>https://</c>.
/// </summary>
public sealed class LoadPopulation : IDisposable
{
    private const string RegionBodyMarker = "from region ";

    // What SendDue returns when there is nothing to send until the rate changes, and when another pacer holds the claim.
    private const long Paused = long.MaxValue;
    private const long Busy = long.MinValue;

    // The pacer naps (PacerNap) until its next send when that is nearer than TimedWait, but never less than this: at
    // thousands of requests a second it wakes about 4,000 times a second and sends whatever fell due, a quarter of a
    // millisecond late at most. Napping to each send instead costs a wake-up per request and more CPU than the server
    // under test can spare on a small machine (bench/results/gateway-run.md).
    private static readonly TimeSpan ShortestNap = TimeSpan.FromMicroseconds(250);

    // How long (wall time) a kept-alive connection may idle in the pool before it is closed rather than reused.
    private static readonly TimeSpan IdleConnectionTimeout = TimeSpan.FromMinutes(1);

    // Waits longer than this (wall) are timed by a lab-time timer, so the pacer follows any TimeProvider; it
    // fires a little early and the remainder is napped as above.
    private static readonly TimeSpan TimedWait = TimeSpan.FromMilliseconds(3);

    private readonly LoadGeneratorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly double _scale;
    private readonly double _ticksPerTimestamp; // TimeSpan ticks per timestamp unit of the time provider
    private readonly RandomSource _random;
    private readonly ILogger _logger;
    private readonly ArrivalSchedule _schedule;
    private readonly HttpMessageInvoker? _client; // a real endpoint's
    private readonly LabHttpClient? _lab; // the lab gateway's
    private readonly DnsAnswerCache? _answers; // null for a real endpoint: the system resolves
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly TimeoutSlots _timeouts;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly Lock _claim = new(); // taken by whichever pacer thread sends this population's due requests
    private LoadAggregator? _aggregator;
    private LoadPopulation[] _siblings = [];
    private double _target; // the schedule position (arrivals so far) of the next send
    private volatile bool _started;
    private ManualResetEventSlim? _held; // tests: the pacer thread waits for it before pacing
    private Task _loop = Task.CompletedTask;
    private long _start;
    private int _inFlight;
    private int _maxInFlight;
    private long _connections;

    internal LoadPopulation(
        ClientConfig config,
        IPAddress? source,
        int gatewayPort,
        DnsStubResolver? resolver,
        TimeProvider timeProvider,
        RandomSource random,
        LoadGeneratorOptions options,
        Action<DnsAnswerChange> answerChanged,
        ILogger logger)
    {
        Config = config;
        SourceAddress = source ?? IPAddress.Any;
        _options = options;
        _timeProvider = timeProvider;
        _scale = timeProvider is ScaledTimeProvider scaled ? scaled.Scale : 1;
        _ticksPerTimestamp = (double)timeProvider.TimestampFrequency / TimeSpan.TicksPerSecond;
        _random = random;
        _logger = logger;
        _schedule = new ArrivalSchedule(config.RatePerSecond);
        _timeouts = new TimeoutSlots(options.RequestTimeout, timeProvider);
        _maxInFlight = SizeInFlight(config.RatePerSecond);
        MaxConnections = LoadConnections.For(config, options.RequestTimeout);

        var url = config.Url;
        if (source is null || resolver is null)
        {
            // A real endpoint: the URL as written (TLS for https://, its own port), the system's DNS and source address.
            RequestUri = url;
            _client = new HttpMessageInvoker(DirectHandler(config, options, MaxConnections), disposeHandler: true);
            return;
        }

        // "https://" means the same plain-HTTP endpoint; the port is the lab's gateway port unless the URL names one.
        var port = url.IsDefaultPort ? gatewayPort : url.Port;
        RequestUri = new UriBuilder(Uri.UriSchemeHttp, url.Host, port, url.AbsolutePath) { Query = url.Query.TrimStart('?') }.Uri;

        _answers = new DnsAnswerCache(
            url.IdnHost,
            async (host, cancellationToken) =>
            {
                // Off the sender's thread: a send that finds the answer expired must not wait for the query to go out.
                await Task.Yield();
                return await resolver.ResolveAsync(host, source, cancellationToken).ConfigureAwait(false);
            },
            timeProvider,
            options.NegativeDnsTtl,
            (previous, current, ttl) => answerChanged(new DnsAnswerChange
            {
                Population = Name,
                Location = config.Location,
                Host = url.IdnHost,
                Previous = previous,
                Current = current,
                Ttl = ttl,
                At = timeProvider.GetUtcNow(),
            }),
            status => LoadLog.LookupFailed(_logger, Name, url.IdnHost, status),
            _stopping.Token);

        // Kept-alive connections idle longer than a minute of wall time are closed, as SocketsHttpHandler's default does.
        _lab = new LabHttpClient(
            RequestUri,
            MaxConnections,
            config.ConnectionReuse == ConnectionReuse.PerRequest,
            IdleConnectionTimeout * _scale,
            timeProvider,
            ConnectAsync);
    }

    /// <summary>The population's name.</summary>
    public string Name => Config.Name;

    /// <summary>Its configuration (the initial rate; see <see cref="CurrentRate"/> for the live one).</summary>
    public ClientConfig Config { get; }

    /// <summary>The address its requests leave from (<c>127.0.k.100</c>); <see cref="IPAddress.Any"/> for a real endpoint (the OS chooses).</summary>
    public IPAddress SourceAddress { get; }

    /// <summary>The URL as requested on the wire: plain HTTP, the lab's gateway port unless the configured URL names one; a real endpoint's URL as written.</summary>
    public Uri RequestUri { get; }

    /// <summary>The population's current DNS answer for its host (empty before the first lookup, and always for a real endpoint).</summary>
    public IReadOnlyList<IPAddress> CurrentAnswer => _answers?.Current ?? [];

    /// <summary>Requests sent and not yet finished.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The in-flight bound: sends beyond it are dropped and counted.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The most TCP connections the population holds open at once (see <see cref="LoadConnections"/>).</summary>
    public int MaxConnections { get; }

    /// <summary>TCP connections opened so far (one per request with <see cref="ConnectionReuse.PerRequest"/>).</summary>
    public long ConnectionsOpened => Interlocked.Read(ref _connections);

    /// <summary>The arrival rate now, requests per lab second.</summary>
    public double CurrentRate => _schedule.RateAt(Elapsed());

    /// <summary>The most recent finished seconds (at most <see cref="LoadGeneratorOptions.RecentSeconds"/>), oldest first.</summary>
    public IReadOnlyList<LoadSecond> Recent() => _aggregator?.Recent() ?? [];

    /// <summary>Changes the arrival rate from now (lab time). 0 pauses the population.</summary>
    public void SetRate(double ratePerSecond) => Ramp(ratePerSecond, TimeSpan.Zero);

    /// <summary>Ramps the arrival rate linearly from the current rate to <paramref name="toRate"/> over <paramref name="duration"/> (lab time), then holds it.</summary>
    public void Ramp(double toRate, TimeSpan duration)
    {
        var now = Elapsed();
        _schedule.Ramp(now, _schedule.RateAt(now), toRate, duration);
        if (_options.MaxInFlight is null)
        {
            Volatile.Write(ref _maxInFlight, Math.Max(SizeInFlight(toRate), SizeInFlight(_schedule.RateAt(now))));
        }

        LoadLog.RateChanged(_logger, Name, toRate, duration);
        _wake.Set();
    }

    internal void Start(long startTimestamp)
    {
        _start = startTimestamp;
        _target = FirstTarget();
        _aggregator = new LoadAggregator(Name, Config.Url, _timeProvider, startTimestamp, _options.LateThreshold, _options.RecentSeconds, _timeouts.TakeOverdue);
        LoadLog.Started(_logger, Name, Config.Location, SourceAddress, Config.RatePerSecond, Config.Url, Config.ConnectionReuse, MaxInFlight);
        var loop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop = loop.Task;

        // A dedicated thread paces the sends: thread-pool timers fire a millisecond or two late and queue behind
        // response handling, which would make every send late under load.
        var pacer = new Thread(() =>
        {
            try
            {
                ShortenSlice();
                Pace(_stopping.Token);
                loop.SetResult();
            }
#pragma warning disable CA1031 // Handed to whoever awaits the loop (StopAsync).
            catch (Exception ex)
#pragma warning restore CA1031
            {
                loop.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = $"faultline-load {Name}",
        };
        _started = true;
        pacer.Start();
    }

    /// <summary>
    /// Lets the pacer threads of <paramref name="populations"/> send each other's due requests: each wakes on its own
    /// schedule and sends whatever is due in any of them, so one population's sends are late only while every pacer
    /// is held up, and a population's due sends wait for the first pacer to wake, not its own. A thread that the OS
    /// does not run for a few milliseconds is common on a busy small machine and rarely hits all pacers at once.
    /// </summary>
    internal static void PaceTogether(LoadPopulation[] populations)
    {
        foreach (var population in populations)
        {
            population._siblings = populations;
        }
    }

    /// <summary>Tests: keeps this population's own pacer thread from pacing until <paramref name="gate"/> is set (or the stop), like a thread the OS does not run.</summary>
    internal void HoldPacer(ManualResetEventSlim gate) => _held = gate;

    // Sends fall due every few hundred microseconds; a pacer that wakes behind another thread's slice sends them late.
    private void ShortenSlice()
    {
        if (ThreadSlice.TrySet(ThreadSlice.Shortest) is { } slice)
        {
            LoadLog.PacerSlice(_logger, Name, slice);
        }
        else
        {
            LoadLog.PacerDefaultSlice(_logger, Name);
        }
    }

    internal IReadOnlyList<LoadSecond> Collect() => _aggregator?.Collect() ?? [];

    internal IReadOnlyList<LoadSecond> Flush() => _aggregator?.Flush() ?? [];

    /// <summary>Stops sending, waits up to the stop timeout (lab time) for in-flight requests, then abandons the rest (not counted).</summary>
    internal async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        await _loop.ConfigureAwait(false);
        lock (_claim)
        {
            // Another population's pacer that claimed a send before the stop has counted it in flight by now.
        }

        if (Volatile.Read(ref _inFlight) == 0)
        {
            _drained.TrySetResult();
        }

        var started = _timeProvider.GetTimestamp();
        try
        {
            await _drained.Task.WaitAsync(_options.StopTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LoadLog.Abandoned(_logger, Name, InFlight, _timeProvider.GetElapsedTime(started));
        }
        finally
        {
            await _abandon.CancelAsync().ConfigureAwait(false);
            _timeouts.Abandon();
        }

        // Abandoned requests unwind at once; give them a bounded moment so the client is not disposed under them.
        await Task.WhenAny(_drained.Task, Task.Delay(TimeSpan.FromSeconds(5), TimeProvider.System, cancellationToken)).ConfigureAwait(false);
        LoadLog.Stopped(_logger, Name);
    }

    /// <summary>Releases the connections; the generator calls it after stopping.</summary>
    void IDisposable.Dispose()
    {
        _client?.Dispose();
        _lab?.Dispose();
        _stopping.Dispose();
        _abandon.Dispose();
        _wake.Dispose();
        _timeouts.Dispose();
    }

    private int SizeInFlight(double rate) => _options.MaxInFlight
        ?? (int)Math.Min(LoadGeneratorOptions.MaxAutoInFlight, Math.Ceiling(rate * _options.RequestTimeout.TotalSeconds * 1.25) + 32);

    private TimeSpan Elapsed() => _aggregator is null ? TimeSpan.Zero : _timeProvider.GetElapsedTime(_start);

    private double FirstTarget() => _options.Arrivals == ArrivalProcess.Poisson ? Exponential() : 0;

    private double NextTarget(double target) => target + (_options.Arrivals == ArrivalProcess.Poisson ? Exponential() : 1);

    private double Exponential() => -Math.Log(1 - _random.NextDouble());

    private void Pace(CancellationToken stopping)
    {
        try
        {
            _held?.Wait(stopping);
            while (!stopping.IsCancellationRequested)
            {
                _wake.Reset();
                var next = SendDue();
                foreach (var sibling in _siblings)
                {
                    if (!ReferenceEquals(sibling, this))
                    {
                        sibling.SendDue();
                    }
                }

                if (next == Paused)
                {
                    // Rate 0: nothing to send until the rate changes.
                    _wake.Wait(stopping);
                    continue;
                }

                if (next == Busy)
                {
                    // Another population's pacer is sending ours just now.
                    PacerNap.Nap(ShortestNap, _wake, stopping);
                    continue;
                }

                var now = _timeProvider.GetTimestamp();
                if (next > now)
                {
                    Wait(_timeProvider.GetElapsedTime(now, next), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    // Sends every request of this population that is due, from the calling pacer thread (its own, or another
    // population's that woke first), and returns when the next one is due (a timestamp), Paused or Busy.
    private long SendDue()
    {
        while (true)
        {
            long intended;
            long now;
            int inFlight;
            if (!_claim.TryEnter())
            {
                return Busy;
            }

            try
            {
                if (!_started || _stopping.IsCancellationRequested)
                {
                    return Paused;
                }

                var offset = _schedule.IntendedTimeAt(_target);
                if (offset == TimeSpan.MaxValue)
                {
                    return Paused;
                }

                // Intended times come from the start and the schedule, never from summing waits: no drift.
                intended = _start + (long)(offset.Ticks * _ticksPerTimestamp);
                now = _timeProvider.GetTimestamp();
                if (intended > now)
                {
                    return intended;
                }

                _target = NextTarget(_target);

                // Counted before the claim ends, so a stop that takes the claim after it waits for this request too.
                inFlight = Interlocked.Increment(ref _inFlight);
            }
            finally
            {
                _claim.Exit();
            }

            Dispatch(intended, now, inFlight);
        }
    }

    // Waits until a lab-time span has passed (or nearly), the rate changes or the population stops.
    private void Wait(TimeSpan wait, CancellationToken stopping)
    {
        var wall = TimeSpan.FromTicks((long)(wait.Ticks / _scale));
        if (wall <= TimedWait)
        {
            PacerNap.Nap(wall > ShortestNap ? wall : ShortestNap, _wake, stopping);
            return;
        }

        var early = TimeSpan.FromTicks((long)(wait.Ticks - (TimedWait.Ticks * _scale)));
        using var timer = _timeProvider.CreateTimer(static s => ((ManualResetEventSlim)s!).Set(), _wake, early, Timeout.InfiniteTimeSpan);
        _wake.Wait(stopping);
    }

    // The request is already counted: inFlight is the count with it.
    private void Dispatch(long intended, long now, int inFlight)
    {
        var aggregator = _aggregator!;
        if (inFlight > Volatile.Read(ref _maxInFlight))
        {
            // The pool is full: drop and count, never queue (an unbounded queue collapses the generator).
            Release();
            aggregator.RecordDropped();
            return;
        }

        // A request to the lab's gateway leaves from the pacer's own thread: what runs before its first wait (taking a
        // pooled connection, one write to the socket) takes microseconds, and a hop through the thread pool would queue
        // it behind the responses being handled, which is most of the send lag at thousands of requests a second
        // (bench/results/gateway-run.md). A real endpoint's HttpClient does more before it waits (and TLS): its sends
        // run on the thread pool, so the pacer stays on time, and their lag is measured when they actually start.
        if (_lab is not null)
        {
            Send(intended, aggregator);
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Population.Send(s.Intended, s.Aggregator), (Population: this, Intended: intended, Aggregator: aggregator), preferLocal: false);
    }

    private void Send(long intended, LoadAggregator aggregator)
    {
        var now = _timeProvider.GetTimestamp();
        aggregator.RecordSend(TimeSpan.FromTicks((long)(_timeProvider.GetElapsedTime(intended, now).Ticks / _scale)));
        _answers?.RefreshIfExpired();
        _ = SendAsync(intended, _timeouts.Enter(now), aggregator);
    }

    private void Release()
    {
        if (Interlocked.Decrement(ref _inFlight) == 0 && _stopping.IsCancellationRequested)
        {
            _drained.TrySetResult();
        }
    }

    private async Task SendAsync(long intended, TimeoutSlot slot, LoadAggregator aggregator)
    {
        var timeout = slot.Token;
        (LoadOutcomeKind Kind, int Status, string? Region, TimeSpan Latency)? outcome = null;
        try
        {
            if (_lab is not null)
            {
                var answer = await _lab.SendAsync(timeout).ConfigureAwait(false);
                outcome = (LoadOutcomeKind.Response, answer.StatusCode, answer.Region, _timeProvider.GetElapsedTime(intended));
                return;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, RequestUri);
            using var response = await _client!.SendAsync(request, timeout).ConfigureAwait(false);
            string? region;
            if (response.Headers.NonValidated.TryGetValues(GatewayResponses.RegionHeader, out var values))
            {
                region = values.ToString();
                await DrainAsync(response.Content, timeout).ConfigureAwait(false);
            }
            else
            {
                region = RegionFromBody(await response.Content.ReadAsStringAsync(timeout).ConfigureAwait(false));
            }

            outcome = (LoadOutcomeKind.Response, (int)response.StatusCode, region, _timeProvider.GetElapsedTime(intended));
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Abandoned at stop: neither a success nor the system's failure, so not counted (the stop is logged).
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            outcome = (LoadOutcomeKind.Timeout, 0, null, _timeProvider.GetElapsedTime(intended));
        }
        catch (HttpRequestException ex)
        {
            outcome = (ClassifyDirect(ex), 0, null, TimeSpan.Zero);
        }
        catch (DnsLookupException)
        {
            outcome = (LoadOutcomeKind.DnsError, 0, null, TimeSpan.Zero);
        }
        catch (ConnectFailedException)
        {
            outcome = (LoadOutcomeKind.ConnectError, 0, null, TimeSpan.Zero);
        }
        catch (IOException)
        {
            outcome = (LoadOutcomeKind.OtherError, 0, null, TimeSpan.Zero);
        }
#pragma warning disable CA1031 // Observability never breaks a run: an unexpected failure is counted and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LoadLog.RequestCrashed(_logger, Name, ex);
            outcome = (LoadOutcomeKind.OtherError, 0, null, TimeSpan.Zero);
        }
        finally
        {
            // A request still in flight past its timeout when a second closed was counted a timeout there (overdue):
            // whatever it got since is dropped, so no request is counted twice.
            if (_timeouts.Leave(slot) && outcome is { } o)
            {
                aggregator.RecordOutcome(o.Kind, o.Status, o.Region, o.Latency);
            }

            Release();
        }
    }

    // Reads the body to its end (so the connection can be reused, and a truncated body is an error) without keeping it.
    private static async Task DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            try
            {
                while (await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    // A real endpoint's failures come from the system's resolver and sockets, which .NET tells apart for us.
    private static LoadOutcomeKind ClassifyDirect(HttpRequestException exception) => exception.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => LoadOutcomeKind.DnsError,
        HttpRequestError.ConnectionError => LoadOutcomeKind.ConnectError,
        _ => LoadOutcomeKind.OtherError,
    };

    private static SocketsHttpHandler DirectHandler(ClientConfig config, LoadGeneratorOptions options, int maxConnections)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,

            // Real endpoints run in real time (time scale 1), so the handler's wall-clock connect timeout is the lab-time one.
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = maxConnections,
        };
        if (config.ConnectionReuse == ConnectionReuse.PerRequest)
        {
            handler.PooledConnectionLifetime = TimeSpan.Zero;
        }

        return handler;
    }

    /// <summary>Reads the region from a seed-style body, <c>Hello from region X</c>; <c>null</c> when it names none.</summary>
    internal static string? RegionFromBody(string body)
    {
        var at = body.IndexOf(RegionBodyMarker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + RegionBodyMarker.Length;
        var end = start;
        while (end < body.Length && (char.IsAsciiLetterOrDigit(body[end]) || body[end] == '-'))
        {
            end++;
        }

        return end > start ? body[start..end] : null;
    }

    // Resolves the host through the lab DNS from the population's location (an answer cached for its TTL) and connects
    // from its source address; the connect timeout is lab time.
    private async Task<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        var address = await _answers!.NextAddressAsync(cancellationToken).ConfigureAwait(false);
        Socket socket;
        try
        {
            socket = await SourceBoundHttp.ConnectAsync(SourceAddress, new IPEndPoint(address, RequestUri.Port), _options.ConnectTimeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or TimeoutException)
        {
            throw new ConnectFailedException(ex);
        }

        Interlocked.Increment(ref _connections);
        return socket;
    }

    /// <summary>Marks a failure to open the TCP connection, so it is told apart from failures after connecting.</summary>
    private sealed class ConnectFailedException(Exception inner) : IOException(inner.Message, inner);
}
