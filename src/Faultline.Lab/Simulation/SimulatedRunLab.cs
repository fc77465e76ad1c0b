using Faultline.Core.Runs;
using Faultline.Core.Addressing;
using Faultline.Core.Experiments.Execution;
using Faultline.Core.Faults;
using Faultline.Core.Functions;
using Faultline.Core.Gateway;
using Faultline.Core.Health;
using Faultline.Core.Host;
using Faultline.Core.Randomness;
using Faultline.Core.Resolving;
using Faultline.Core.Routing;
using Faultline.Core.Simulation;
using Faultline.Core.Time;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Load;
using Faultline.Lab.Runs.Effects;
using Faultline.Lab.Runs.Labs;

namespace Faultline.Lab.Simulation;

/// <summary>
/// The simulated lab: the live lab's parts and rules (<see cref="FaultStore"/>, <see cref="FunctionFleet"/>,
/// <see cref="ApiGateway"/> behind <see cref="RegionalGateway"/>, <see cref="HealthRegistry"/>,
/// <see cref="ZoneAnswerer"/>, the checkers' phases, <see cref="DnsAnswerCache"/>, the load semantics) wired in
/// virtual time on a <see cref="VirtualClock"/>, with no sockets: a request is a call, a wait is an event. Randomness
/// is derived from the seed in the live lab's order, so a seed gives both engines the same checker phases and
/// fault choices. <see cref="DriveAsync{T}"/> runs the whole run on the calling thread (docs/simulate.md).
/// </summary>
public sealed class SimulatedRunLab : IRunLab
{
    private readonly Topology _topology;
    private readonly VirtualClock _clock;
    private readonly AddressPlan _plan;
    private readonly FaultStore _faults;
    private readonly HealthRegistry _health;
    private readonly FunctionFleet _functions;
    private readonly RegionalGateway _gateway;
    private readonly ZoneAnswerer _answerer;
    private readonly RandomSource _checkerRandom;
    private readonly LoadGeneratorOptions _loadOptions = new();
    private readonly TimeSpan _dnsTimeout = new DnsStubResolverOptions().Timeout;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<SimulatedPopulation> _populations = [];
    private readonly ProbeTargets _probeTargets = new();
    private IRunLabSink? _sink;
    private Exception? _failure;
    private ITimer? _collector;

    /// <summary>Creates the simulated lab for <paramref name="topology"/> with <paramref name="seed"/>.</summary>
    /// <exception cref="SimulationNotSupportedException">A function calls an <c>upstream</c> service, which has no model in virtual time.</exception>
    public SimulatedRunLab(Topology topology, int seed, VirtualClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var upstream = topology.Regions.SelectMany(r => r.Functions).Where(f => f.Upstream is not null).Select(f => f.Id).ToArray();
        if (upstream.Length > 0)
        {
            throw new SimulationNotSupportedException(SimulationErrors.Upstream(upstream));
        }

        _topology = topology;
        _clock = clock ?? new VirtualClock();
        _plan = AddressPlan.For(topology);

        // The live lab's order of derivation (LabHost), so a seed means the same draws in both engines.
        var random = new RandomSource(seed);
        _faults = new FaultStore(topology, _clock, random.Derive());
        _health = new HealthRegistry(topology, _clock, _faults);
        _functions = new FunctionFleet(topology, _faults, _clock, random.Derive());
        var gateway = new ApiGateway(topology, _functions, _clock);
        _gateway = new RegionalGateway(gateway, new NetworkPolicy(topology, _faults, random.Derive()), _clock);
        _answerer = new ZoneAnswerer(topology, _health, _faults, random.Derive());
        _checkerRandom = random.Derive();
    }

    /// <inheritdoc />
    public RunEngine Engine => RunEngine.Simulated;

    /// <inheritdoc />
    public TimeProvider Time => _clock;

    /// <summary>The virtual clock.</summary>
    public VirtualClock Clock => _clock;

    /// <inheritdoc />
    public double TimeScale => 0;

    /// <inheritdoc />
    public HostBudget? HostBudget => null;

    /// <inheritdoc />
    public Uri? ControlUrl => null;


    /// <inheritdoc />
    public bool IsOwn => true;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, bool> InitialHealth { get; } = new Dictionary<string, bool>(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<T> DriveAsync<T>(Func<Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var task = run();
        _clock.Run(() => task.IsCompleted || _failure is not null);
        return _failure is { } failure ? throw new InvalidOperationException(SimulationErrors.Failed(failure), failure) : task;
    }

    /// <inheritdoc />
    public Task<IExperimentEffects> StartAsync(IRunLabSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _health.ShareChanged += (_, share) => sink.Record(RunLabEvents.ShareChanged(share));
        _health.Transitioned += (_, t) => sink.Record(RunLabEvents.HealthChanged(t));

        // Overrides change health without a probe; make the change visible to DNS at once.
        _faults.Applied += (_, e) => RefreshOnOverride(e.Fault);
        _faults.Reverted += (_, e) => RefreshOnOverride(e.Fault);
        foreach (var checker in HealthChecker.Plan(_topology, _checkerRandom))
        {
            _ = RunCheckerAsync(checker, _stopping.Token);
        }

        return Task.FromResult<IExperimentEffects>(new LabExperimentEffects(_faults, _functions, sink.Random.Derive()));
    }

    /// <inheritdoc />
    public Task StartLoadAsync(IReadOnlyList<ClientConfig> populations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(populations);
        var sink = _sink ?? throw new InvalidOperationException("Start the lab before its load.");

        // The live generator derives one source per population; the simulated arrivals are uniform and use none,
        // but the draw keeps the run's later derivations where the live engine has them.
        _ = sink.Random.Derive();
        foreach (var client in populations)
        {
            _populations.Add(new SimulatedPopulation(client, _clock, _gateway, _plan, ResolveAsync, _loadOptions, change => sink.Record(RunLabEvents.AnswerChanged(change, _plan)), Failed));
        }

        var start = _clock.GetTimestamp();
        foreach (var population in _populations)
        {
            population.Start(start);
        }

        // Each lab second is counted once it is over, as the live generator publishes it.
        _collector = _clock.CreateTimer(_ => Collect(flush: false), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Ramp(string population, double toRate, TimeSpan over) =>
        (_populations.FirstOrDefault(p => p.Name == population) ?? throw new KeyNotFoundException($"No load population '{population}'.")).Ramp(toRate, over);

    /// <inheritdoc />
    public Task<bool> CatchUpAsync(Func<bool> delivered, Func<Task> nextSecond, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);

        // Virtual time stands still here: every second that is over is counted now.
        Collect(flush: false);
        return Task.FromResult(delivered());
    }

    /// <inheritdoc />
    public async Task StopLoadAsync(CancellationToken cancellationToken)
    {
        if (_populations.Count == 0 || _collector is null)
        {
            return;
        }

        foreach (var population in _populations)
        {
            population.Stop();
        }

        // In-flight requests get the live generator's stop timeout (lab time), then are abandoned uncounted.
        var deadline = _clock.GetUtcNow() + _loadOptions.StopTimeout;
        while (_populations.Any(p => p.InFlight > 0) && _clock.GetUtcNow() < deadline)
        {
            await LabTasks.Delay(TimeSpan.FromMilliseconds(100), _clock, cancellationToken).ConfigureAwait(false);
        }

        foreach (var population in _populations)
        {
            population.Abandon();
        }

        await _collector.DisposeAsync().ConfigureAwait(false);
        _collector = null;
        Collect(flush: true);
    }

    /// <inheritdoc />
    public ValueTask StopHostTimingAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _stopping.Cancel();
        _faults.Reset();
        foreach (var population in _populations)
        {
            population.Dispose();
        }

        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    // Anything unexpected inside the simulation ends it loudly: a lost request would make it silently wrong.
    private void Failed(Exception exception) => _failure ??= exception;

    private void Collect(bool flush)
    {
        foreach (var population in _populations)
        {
            foreach (var second in flush ? population.Flush() : population.Collect())
            {
                _sink?.OnSecond(second);
            }
        }
    }

    private void RefreshOnOverride(ActiveFault fault)
    {
        if (FaultKindRegistry.Get(fault.Spec.Kind).ActsOn == FaultScope.HealthCheck)
        {
            _health.Refresh();
        }
    }

    /// <summary>The lab DNS's answer to <paramref name="host"/> from <paramref name="location"/>, after its modelled delay; a delay past the resolver's timeout is a timeout.</summary>
    private async Task<DnsResolution> ResolveAsync(string host, string location, CancellationToken cancellationToken)
    {
        var outcome = _answerer.Answer(new DnsQuery(host, "A", location));
        if (outcome.Delay >= _dnsTimeout)
        {
            await LabTasks.Delay(_dnsTimeout, _clock, cancellationToken).ConfigureAwait(false);
            return new DnsResolution { Status = DnsResolutionStatus.Timeout };
        }

        if (outcome.Delay > TimeSpan.Zero)
        {
            await LabTasks.Delay(outcome.Delay, _clock, cancellationToken).ConfigureAwait(false);
        }

        return outcome.Kind switch
        {
            DnsOutcomeKind.Answer when outcome.Addresses.Count > 0 => new DnsResolution { Status = DnsResolutionStatus.Success, Addresses = outcome.Addresses, Ttl = outcome.Ttl, ReturnCode = 0 },
            DnsOutcomeKind.Answer or DnsOutcomeKind.NoData => new DnsResolution { Status = DnsResolutionStatus.NoData, ReturnCode = 0 },
            DnsOutcomeKind.NxDomain => new DnsResolution { Status = DnsResolutionStatus.NxDomain, ReturnCode = 3 },
            DnsOutcomeKind.ServFail => new DnsResolution { Status = DnsResolutionStatus.ServFail, ReturnCode = 2 },
            _ => new DnsResolution { Status = DnsResolutionStatus.Refused, ReturnCode = 5 },
        };
    }

    private async Task RunCheckerAsync(HealthChecker checker, CancellationToken stopping)
    {
        var check = checker.Check;
        try
        {
            await LabTasks.Delay(checker.Phase, _clock, stopping).ConfigureAwait(false);
            var due = _clock.GetTimestamp();
            while (!stopping.IsCancellationRequested)
            {
                var (success, address) = await ProbeAsync(checker, stopping).ConfigureAwait(false);
                _health.Record(check.Id, checker.Index, success);
                OnProbed(checker, address);

                // Keep the cadence even when a probe is slow (checkers do not wait for each other).
                due += check.Interval.Ticks;
                var wait = TimeSpan.FromTicks(due - _clock.GetTimestamp());
                if (wait > TimeSpan.Zero)
                {
                    await LabTasks.Delay(wait, _clock, stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The lab stopped.
        }
    }

    private async Task<(bool Success, System.Net.IPAddress? Address)> ProbeAsync(HealthChecker checker, CancellationToken stopping)
    {
        var check = checker.Check;
        var resolution = await ResolveAsync(check.Fqdn, checker.Location, stopping).ConfigureAwait(false);
        if (!resolution.Succeeded)
        {
            return (false, null);
        }

        var address = resolution.Addresses[0];
        var region = _plan.RegionAt(address);
        if (region is null)
        {
            // Nothing listens there: the connection is refused.
            return (false, address);
        }

        if (check.Type == HealthCheckType.Tcp)
        {
            // The lab's gateways accept every connection; network faults act on requests.
            return (true, address);
        }

        var request = new Core.Functions.FunctionRequest
        {
            Method = "GET",
            Path = check.Path,
            Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = check.Port is null or 80 or 443 ? check.Fqdn : $"{check.Fqdn}:{check.Port}" },
        };
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var exchange = _gateway.ExchangeAsync(region, checker.Location, request, abort.Token);
        try
        {
            // Connecting is immediate in the lab; the response must then come within Route 53's limit.
            var limit = _clock.GetUtcNow() + HealthProbeRules.ResponseTimeout;
            var result = await LabTasks.WithTimeout(exchange, HealthProbeRules.ResponseTimeout, _clock, stopping).ConfigureAwait(false);
            switch (result.Kind)
            {
                case GatewayExchangeKind.Blackhole:
                    // Nothing ever answers: the checker gives up at its limit, as the live one does.
                    await LabTasks.Delay(limit - _clock.GetUtcNow(), _clock, stopping).ConfigureAwait(false);
                    return (false, address);
                case GatewayExchangeKind.Reset:
                    return (false, address);
                default:
                    return HealthProbeRules.Judge(check, result.Response!.StatusCode, result.Response.Body.Span) is null ? (true, address) : (false, address);
            }
        }
        catch (TimeoutException)
        {
            return (false, address);
        }
        finally
        {
            // The checker hangs up: the gateway's waits for this request end (the invocation itself runs on, as in AWS).
            abort.Cancel();
            _ = exchange.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void OnProbed(HealthChecker checker, System.Net.IPAddress? address)
    {
        if (!_probeTargets.Changed(checker.Check.Id, checker.Location, address))
        {
            return;
        }

        _sink?.Record(RunLabEvents.ProbeTarget(_clock.GetUtcNow(), checker.Check.Id, checker.Location, address, _topology, _plan));
    }
}
