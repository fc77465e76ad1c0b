using Faultline.Core.Addressing;
using Faultline.Core.Load;
using Faultline.Core.Randomness;
using Faultline.Core.Resolving;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Load;

/// <summary>
/// The lab's customer load (docs/topology.md, "Clients"): one open-model <see cref="LoadPopulation"/> per client, all
/// starting at the same instant, publishing one <see cref="LoadSecond"/> per population per lab second
/// through <see cref="SecondCompleted"/> and every DNS answer change through <see cref="AnswerChanged"/>.
/// Subscribers run on timer threads and must be quick; one that throws is logged, never breaks the run.
/// </summary>
public sealed class LoadGenerator : IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly LoadGeneratorOptions _options;
    private readonly ILogger _logger;
    private readonly Lock _collectLock = new();
    private readonly LoadPopulation[] _populations;
    private readonly Dictionary<string, LoadPopulation> _byName;
    private ITimer? _collector;
    private int _state; // 0 new, 1 running, 2 stopped

    /// <summary>Creates the generator; nothing is sent until <see cref="StartAsync"/>.</summary>
    /// <param name="clients">The populations (the topology's clients, or the experiment's selection of them).</param>
    /// <param name="plan">The address plan: each population sends from its location's customer address.</param>
    /// <param name="resolver">The lab DNS, asked from each population's address.</param>
    /// <param name="gatewayPort">The lab's gateway port, used when a URL names no port.</param>
    /// <param name="timeProvider">Lab time: rates are per lab second, latencies lab time.</param>
    /// <param name="random">The run's random source (Poisson arrivals); each population derives its own.</param>
    /// <param name="options">Timeouts and bounds; defaults as documented on <see cref="LoadGeneratorOptions"/>.</param>
    /// <param name="logger">Where to log; default none.</param>
    public LoadGenerator(
        IEnumerable<ClientConfig> clients,
        AddressPlan plan,
        DnsStubResolver resolver,
        int gatewayPort,
        TimeProvider timeProvider,
        RandomSource random,
        LoadGeneratorOptions? options = null,
        ILogger<LoadGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        _timeProvider = timeProvider;
        _options = options ?? new LoadGeneratorOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _populations = clients
            .Select(c => new LoadPopulation(c, plan.CustomerAddress(c.Location), gatewayPort, resolver, timeProvider, random.Derive(), _options, OnAnswerChanged, _logger))
            .ToArray();
        _byName = _populations.ToDictionary(p => p.Name, StringComparer.Ordinal);
        LoadPopulation.PaceTogether(_populations);
    }

    /// <summary>
    /// Creates a generator for real endpoints (<c>faultline load</c>): each population sends to its URL as written —
    /// the system's DNS, the OS's source address, TLS for <c>https://</c>, the URL's own port — at its rate per
    /// second of <paramref name="timeProvider"/> (real time: give it <see cref="TimeProvider.System"/>). The
    /// populations' locations are labels only. Nothing is sent until <see cref="StartAsync"/>.
    /// </summary>
    /// <param name="clients">The populations: one per URL.</param>
    /// <param name="timeProvider">The clock rates and latencies are measured by.</param>
    /// <param name="random">The random source (Poisson arrivals); each population derives its own.</param>
    /// <param name="options">Timeouts and bounds; defaults as documented on <see cref="LoadGeneratorOptions"/>.</param>
    /// <param name="logger">Where to log; default none.</param>
    public LoadGenerator(
        IEnumerable<ClientConfig> clients,
        TimeProvider timeProvider,
        RandomSource random,
        LoadGeneratorOptions? options = null,
        ILogger<LoadGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        _timeProvider = timeProvider;
        _options = options ?? new LoadGeneratorOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _populations = clients
            .Select(c => new LoadPopulation(c, source: null, gatewayPort: 0, resolver: null, timeProvider, random.Derive(), _options, OnAnswerChanged, _logger))
            .ToArray();
        _byName = _populations.ToDictionary(p => p.Name, StringComparer.Ordinal);
        LoadPopulation.PaceTogether(_populations);
    }

    /// <summary>A population's finished second (every lab second, traffic or not).</summary>
    public event EventHandler<LoadSecond>? SecondCompleted;

    /// <summary>A population's DNS answer changed (including its first answer).</summary>
    public event EventHandler<DnsAnswerChange>? AnswerChanged;

    /// <summary>The populations, in the order given.</summary>
    public IReadOnlyList<LoadPopulation> Populations => _populations;

    /// <summary>When the load started, lab time (<c>null</c> before <see cref="StartAsync"/>).</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>The population named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No population has that name.</exception>
    public LoadPopulation this[string name] =>
        _byName.TryGetValue(name, out var population) ? population : throw new KeyNotFoundException($"No load population '{name}'; populations: {string.Join(", ", _byName.Keys)}.");

    /// <summary>Starts every population at the same instant, and the per-second collection.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("The load generator was already started.");
        }

        var start = _timeProvider.GetTimestamp();
        StartedAt = _timeProvider.GetUtcNow();
        foreach (var population in _populations)
        {
            population.Start(start);
        }

        _collector = _timeProvider.CreateTimer(static s => ((LoadGenerator)s!).Collect(flush: false), this, _options.CollectInterval, _options.CollectInterval);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops sending, waits for in-flight requests (up to <see cref="LoadGeneratorOptions.StopTimeout"/>), abandons
    /// the rest, and publishes the last (partial) second of each population.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        await Task.WhenAll(_populations.Select(p => p.StopAsync(cancellationToken))).ConfigureAwait(false);
        if (_collector is not null)
        {
            await _collector.DisposeAsync().ConfigureAwait(false);
        }

        Collect(flush: true);
        foreach (IDisposable population in _populations)
        {
            population.Dispose();
        }
    }

    /// <summary>Stops (see <see cref="StopAsync"/>) if running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _state) == 1)
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        Interlocked.Exchange(ref _state, 2);
    }

    private void Collect(bool flush)
    {
        // One collector at a time, so each population's seconds are published in order.
        lock (_collectLock)
        {
            foreach (var population in _populations)
            {
                foreach (var second in flush ? population.Flush() : population.Collect())
                {
                    Publish(SecondCompleted, second);
                }
            }
        }
    }

    private void OnAnswerChanged(DnsAnswerChange change)
    {
        LoadLog.AnswerChanged(_logger, change.Population, change.Location, change.Host, change.Current, change.Previous, change.Ttl);
        Publish(AnswerChanged, change);
    }

    private void Publish<T>(EventHandler<T>? handler, T args)
    {
        try
        {
            handler?.Invoke(this, args);
        }
#pragma warning disable CA1031 // A metrics subscriber's failure is reported, not thrown (observability never breaks a run).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LoadLog.SubscriberFailed(_logger, ex);
        }
    }
}
