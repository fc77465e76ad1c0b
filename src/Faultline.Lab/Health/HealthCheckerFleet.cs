using Faultline.Core.Addressing;
using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;
using Faultline.Lab.Dns;
using Faultline.Lab.Host;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Faultline.Lab.Health;

/// <summary>
/// The lab's health checkers: for each health check, <see cref="HealthCheckConfig.Checkers"/> checkers
/// spread round-robin over the check's Route 53 checker regions (all of them when none are given), each
/// sending from its checker region's address in the <see cref="AddressPlan"/> (a location's own when the region is
/// also a location) with its own random phase in [0, interval), probing every
/// interval and feeding the result to the <see cref="HealthRegistry"/>. A probe that crashes is logged
/// and counted as a failure; the loops stop on <see cref="DisposeAsync"/>.
/// </summary>
public sealed class HealthCheckerFleet : IAsyncDisposable
{
    private readonly Topology _topology;
    private readonly HealthRegistry _registry;
    private readonly DnsStubResolver _resolver;
    private readonly int _gatewayPort;
    private readonly TimeProvider _timeProvider;
    private readonly RandomSource _random;
    private readonly ILogger _logger;
    private readonly IHostStalls? _stalls;
    private readonly AddressPlan _plan;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];

    /// <summary>Creates the fleet; call <see cref="StartAsync"/> to start probing.</summary>
    /// <param name="topology">The topology whose health checks run.</param>
    /// <param name="registry">Where results go.</param>
    /// <param name="resolver">The stub resolver pointed at the lab DNS server.</param>
    /// <param name="gatewayPort">The port every gateway listens on (used unless a check sets its own).</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="random">The run's random source (checker phases).</param>
    /// <param name="logger">Logs failures; <c>null</c> for none.</param>
    /// <param name="stalls">The host's stalls, left out of the probes' response limits; <c>null</c> to count every lab moment.</param>
    public HealthCheckerFleet(Topology topology, HealthRegistry registry, DnsStubResolver resolver, int gatewayPort, TimeProvider timeProvider, RandomSource random, ILogger<HealthCheckerFleet>? logger = null, IHostStalls? stalls = null)
    {
        _stalls = stalls;
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        _topology = topology;
        _registry = registry;
        _resolver = resolver;
        _gatewayPort = gatewayPort;
        _timeProvider = timeProvider;
        _random = random;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _plan = AddressPlan.For(topology);
    }

    /// <summary>Raised after every probe (on a thread-pool thread; handlers must not throw).</summary>
    public event EventHandler<HealthProbeResult>? Probed;

    /// <summary>Starts every checker loop. Returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_loops.Count > 0)
        {
            throw new InvalidOperationException("The health checkers are already started.");
        }

        foreach (var check in _topology.HealthChecks)
        {
            HealthLog.Started(_logger, check.Id, check.Checkers, check.Fqdn, check.Interval, check.ProbeRegions);
        }

        foreach (var checker in HealthChecker.Plan(_topology, _random))
        {
            // Created here so a location outside the address plan fails StartAsync, not a loop.
            var probe = new HealthProbe(checker.Check, _plan.CheckerAddress(checker.Location), _resolver, _gatewayPort, _timeProvider, _stalls);
            _loops.Add(Task.Run(() => RunCheckerAsync(probe, checker.Check, checker.Index, checker.Location, checker.Phase, _stopping.Token), CancellationToken.None));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_loops);
        _stopping.Dispose();
    }

    private async Task RunCheckerAsync(HealthProbe probe, HealthCheckConfig check, int checker, string location, TimeSpan phase, CancellationToken stopping)
    {
        using var _ = probe;
        try
        {
            await Task.Delay(phase, _timeProvider, stopping);
            var due = _timeProvider.GetTimestamp();
            while (!stopping.IsCancellationRequested)
            {
                var result = await ProbeOnceAsync(probe, check, checker, location, stopping);
                _registry.Record(check.Id, checker, result.Success);
                Probed?.Invoke(this, result);

                // Keep the cadence even when a probe is slow (checkers do not wait for each other).
                due += (long)(check.Interval.TotalSeconds * _timeProvider.TimestampFrequency);
                var wait = _timeProvider.GetElapsedTime(_timeProvider.GetTimestamp(), due);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private async Task<HealthProbeResult> ProbeOnceAsync(HealthProbe probe, HealthCheckConfig check, int checker, string location, CancellationToken stopping)
    {
        bool success;
        string? reason;
        System.Net.IPAddress? address;
        try
        {
            (success, reason, address) = await probe.ProbeAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The loop must survive anything a probe throws: it counts as a failed probe.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HealthLog.ProbeCrashed(_logger, check.Id, checker, ex);
            (success, reason, address) = (false, "Failure: " + ex.Message, null);
        }

        if (!success)
        {
            HealthLog.ProbeFailed(_logger, check.Id, checker, location, reason);
        }

        return new HealthProbeResult(check.Id, checker, location, success, reason, address, _timeProvider.GetUtcNow());
    }
}
