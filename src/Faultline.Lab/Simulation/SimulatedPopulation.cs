using System.Net;
using System.Text;
using Faultline.Core.Addressing;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Faultline.Core.Load;
using Faultline.Core.Resolving;
using Faultline.Core.Simulation;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Load;

namespace Faultline.Lab.Simulation;

/// <summary>
/// One client population in virtual time, with the live generator's semantics (<see cref="LoadPopulation"/>):
/// open-model arrivals from the population's <see cref="ArrivalSchedule"/>, each sent exactly at its intended time
/// (no send lag: there is no host); the host resolved through the lab's routing from the population's location and
/// cached for the TTL (<see cref="DnsAnswerCache"/>); a connection per request, or kept-alive connections (at most
/// <see cref="LoadConnections"/>) that stay with the region they were opened to until a reset or timeout closes
/// them; the request timeout; outcomes counted per lab second by the same <see cref="LoadAggregator"/>.
/// </summary>
internal sealed class SimulatedPopulation : IDisposable
{
    private readonly ClientConfig _config;
    private readonly VirtualClock _clock;
    private readonly RegionalGateway _gateway;
    private readonly AddressPlan _plan;
    private readonly LoadGeneratorOptions _options;
    private readonly ArrivalSchedule _schedule;
    private readonly DnsAnswerCache _answers;
    private readonly FunctionRequest _request;
    private readonly CancellationTokenSource _abandon = new();
    private readonly TimeoutSlots _timeouts;
    private readonly Stack<Connection> _idle = new();
    private readonly Queue<TaskCompletionSource<Connection?>> _waiting = new();
    private readonly int _maxConnections;
    private readonly Action<Exception> _failed;
    private LoadAggregator? _aggregator;
    private long _start;
    private double _target;
    private long _arrivalVersion;
    private int _open;
    private int _inFlight;
    private int _maxInFlight;
    private bool _stopped;

    public SimulatedPopulation(ClientConfig config, VirtualClock clock, RegionalGateway gateway, AddressPlan plan, Func<string, string, CancellationToken, Task<DnsResolution>> resolve, LoadGeneratorOptions options, Action<DnsAnswerChange> answerChanged, Action<Exception> failed)
    {
        _failed = failed;
        _config = config;
        _clock = clock;
        _gateway = gateway;
        _plan = plan;
        _options = options;
        _schedule = new ArrivalSchedule(config.RatePerSecond);
        _timeouts = new TimeoutSlots(options.RequestTimeout, clock);
        _maxConnections = LoadConnections.For(config, options.RequestTimeout);
        _maxInFlight = SizeInFlight(config.RatePerSecond);
        var url = config.Url;
        _request = new FunctionRequest
        {
            Method = "GET",
            Path = url.AbsolutePath,
            QueryString = url.Query,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = url.Authority },
        };
        _answers = new DnsAnswerCache(
            url.IdnHost,
            (host, cancellationToken) => resolve(host, config.Location, cancellationToken),
            clock,
            options.NegativeDnsTtl,
            (previous, current, ttl) => answerChanged(new DnsAnswerChange
            {
                Population = config.Name,
                Location = config.Location,
                Host = url.IdnHost,
                Previous = previous,
                Current = current,
                Ttl = ttl,
                At = clock.GetUtcNow(),
            }),
            static _ => { },
            _abandon.Token,
            inlineContinuations: true);
    }

    public string Name => _config.Name;

    /// <summary>Requests sent and not yet finished.</summary>
    public int InFlight => _inFlight;

    public void Start(long startTimestamp)
    {
        _start = startTimestamp;
        _aggregator = new LoadAggregator(Name, _config.Url, _clock, startTimestamp, _options.LateThreshold, _options.RecentSeconds, _timeouts.TakeOverdue);
        _target = 0;
        ScheduleArrival();
    }

    public void Ramp(double toRate, TimeSpan duration)
    {
        var now = Elapsed();
        _schedule.Ramp(now, _schedule.RateAt(now), toRate, duration);
        if (_options.MaxInFlight is null)
        {
            _maxInFlight = Math.Max(SizeInFlight(toRate), SizeInFlight(_schedule.RateAt(now)));
        }

        ScheduleArrival();
    }

    public IReadOnlyList<LoadSecond> Collect() => _aggregator?.Collect() ?? [];

    public IReadOnlyList<LoadSecond> Flush() => _aggregator?.Flush() ?? [];

    /// <summary>No new sends from now; in-flight requests go on until they finish or <see cref="Abandon"/>.</summary>
    public void Stop()
    {
        _stopped = true;
        _arrivalVersion++;
    }

    /// <summary>Gives up on whatever is still in flight (not counted, as the live generator does at its stop timeout).</summary>
    public void Abandon()
    {
        _abandon.Cancel();
        _timeouts.Abandon();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _abandon.Dispose();
        _timeouts.Dispose();
    }

    private TimeSpan Elapsed() => _aggregator is null ? TimeSpan.Zero : _clock.GetElapsedTime(_start);

    private int SizeInFlight(double rate) => _options.MaxInFlight
        ?? (int)Math.Min(LoadGeneratorOptions.MaxAutoInFlight, Math.Ceiling(rate * _options.RequestTimeout.TotalSeconds * 1.25) + 32);

    private void ScheduleArrival()
    {
        if (_stopped)
        {
            return;
        }

        var version = ++_arrivalVersion;
        var offset = _schedule.IntendedTimeAt(_target);
        if (offset == TimeSpan.MaxValue)
        {
            // Paused (rate 0): nothing to send until the rate changes.
            return;
        }

        _clock.Schedule(TimeSpan.FromTicks(_start + offset.Ticks - _clock.GetTimestamp()), () =>
        {
            if (version != _arrivalVersion)
            {
                return;
            }

            Arrive();
        });
    }

    private void Arrive()
    {
        var intended = _clock.GetTimestamp();
        _target += 1;
        ScheduleArrival();
        var aggregator = _aggregator!;
        if (++_inFlight > _maxInFlight)
        {
            // The pool is full: drop and count, never queue, as the live generator does.
            _inFlight--;
            aggregator.RecordDropped();
            return;
        }

        aggregator.RecordSend(TimeSpan.Zero);
        _answers.RefreshIfExpired();
        _ = SendAsync(intended, _timeouts.Enter(intended), aggregator);
    }

    // Timeouts come in slots shared by the requests sent close together, exactly as the live generator's.
    private async Task SendAsync(long intended, TimeoutSlot slot, LoadAggregator aggregator)
    {
        var token = slot.Token;
        (LoadOutcomeKind Kind, int Status, string? Region, TimeSpan Latency)? outcome = null;
        Connection? connection = null;
        var keep = false;
        try
        {
            connection = await AcquireAsync(token).ConfigureAwait(false);
            _clock.EnsureOnDriver();
            if (connection.Region is null)
            {
                // Nothing listens at an address outside the lab's gateways: the connection is refused.
                outcome = (LoadOutcomeKind.ConnectError, 0, null, TimeSpan.Zero);
                return;
            }

            var exchange = await _gateway.ExchangeAsync(connection.Region, _config.Location, _request, token).ConfigureAwait(false);
            _clock.EnsureOnDriver();
            switch (exchange.Kind)
            {
                case GatewayExchangeKind.Blackhole:
                    await LabTasks.Delay(Timeout.InfiniteTimeSpan, _clock, token).ConfigureAwait(false);
                    break;
                case GatewayExchangeKind.Reset:
                    outcome = (LoadOutcomeKind.OtherError, 0, null, TimeSpan.Zero);
                    break;
                default:
                    var response = exchange.Response!;
                    var region = response.Header(GatewayResponses.RegionHeader) ?? LoadPopulation.RegionFromBody(Encoding.UTF8.GetString(response.Body.Span));
                    outcome = (LoadOutcomeKind.Response, response.StatusCode, region, _clock.GetElapsedTime(intended));
                    keep = true;
                    break;
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Abandoned at stop: neither a success nor the system's failure, so not counted.
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            outcome = (LoadOutcomeKind.Timeout, 0, null, _clock.GetElapsedTime(intended));
        }
        catch (DnsLookupException)
        {
            outcome = (LoadOutcomeKind.DnsError, 0, null, TimeSpan.Zero);
        }
#pragma warning disable CA1031 // Handed to the lab, which ends the run with it: a simulation never loses a request silently.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _failed(ex);
        }
        finally
        {
            if (connection is not null)
            {
                Release(connection, keep);
            }

            // A request still in flight past its timeout when a second closed was counted a timeout there (overdue).
            if (_timeouts.Leave(slot) && outcome is { } o)
            {
                aggregator.RecordOutcome(o.Kind, o.Status, o.Region, o.Latency);
            }

            _inFlight--;
        }
    }

    private async Task<Connection> AcquireAsync(CancellationToken cancellationToken)
    {
        if (_config.ConnectionReuse == ConnectionReuse.PerRequest)
        {
            return await OpenAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_idle.TryPop(out var idle))
        {
            return idle;
        }

        if (_open < _maxConnections)
        {
            _open++;
            try
            {
                return await OpenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _open--;
                throw;
            }
        }

        // Every connection is busy: wait for one, and that wait counts against the request's timeout.
        var waiter = new TaskCompletionSource<Connection?>();
        _waiting.Enqueue(waiter);
        using (cancellationToken.Register(static s => ((TaskCompletionSource<Connection?>)s!).TrySetCanceled(), waiter))
        {
            var handed = await waiter.Task.ConfigureAwait(false);
            return handed ?? await AcquireAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Connection> OpenAsync(CancellationToken cancellationToken)
    {
        var address = await _answers.NextAddressAsync(cancellationToken).ConfigureAwait(false);
        return new Connection(address, _plan.RegionAt(address));
    }

    private void Release(Connection connection, bool keep)
    {
        if (_config.ConnectionReuse == ConnectionReuse.PerRequest)
        {
            return;
        }

        // A connection that ended in a reset, a timeout or an error is closed; the next request opens a new one.
        while (_waiting.TryDequeue(out var waiter))
        {
            if (waiter.Task.IsCompleted)
            {
                continue;
            }

            if (keep)
            {
                waiter.TrySetResult(connection);
            }
            else
            {
                _open--;
                waiter.TrySetResult(null);
            }

            return;
        }

        if (keep)
        {
            _idle.Push(connection);
        }
        else
        {
            _open--;
        }
    }

    private sealed record Connection(IPAddress Address, string? Region);
}
