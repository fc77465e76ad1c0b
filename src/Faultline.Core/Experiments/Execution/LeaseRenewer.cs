using Faultline.Core.Runs;

namespace Faultline.Core.Experiments.Execution;

/// <summary>
/// Keeps a run's leases alive: every <see cref="ExperimentSchedulerOptions.EffectiveRenewInterval"/> of lab time it renews
/// each tracked fault's lease and, while the configuration ledger holds a change, the owner's configuration lease, so a
/// killed runner's faults and changes lapse on their own in the lab. It knows each fault's last granted expiry, so a
/// lease found lapsed (a renewal answered "gone") is reported with the moment it lapsed. Renewal failures are reported
/// and retried on the next tick: the lease outlives several.
/// </summary>
internal sealed class LeaseRenewer : IAsyncDisposable
{
    private readonly IExperimentEffects _effects;
    private readonly TimeProvider _time;
    private readonly ExperimentSchedulerOptions _options;
    private readonly ConfigurationLedger _ledger;
    private readonly Action<string, DateTimeOffset> _onLapsed;
    private readonly Action<RunProblem> _onProblem;
    private readonly Func<TimeSpan> _sinceRunStart;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _leaseUntil = new(StringComparer.Ordinal);
    private ITimer? _timer;
    private int _renewing;

    /// <param name="effects">Where leases are renewed.</param>
    /// <param name="time">Lab time.</param>
    /// <param name="options">The owner, the lease and the interval.</param>
    /// <param name="ledger">The configuration changes whose lease is renewed while one stands.</param>
    /// <param name="onLapsed">Called with a tracked fault the lab no longer holds and when its lease lapsed; the fault stays tracked until <see cref="Forget"/>.</param>
    /// <param name="onProblem">Called with each renewal that failed or found the configuration lease lapsed.</param>
    /// <param name="sinceRunStart">How long the run has been going, for the problems' messages.</param>
    public LeaseRenewer(IExperimentEffects effects, TimeProvider time, ExperimentSchedulerOptions options, ConfigurationLedger ledger, Action<string, DateTimeOffset> onLapsed, Action<RunProblem> onProblem, Func<TimeSpan> sinceRunStart)
    {
        _effects = effects;
        _time = time;
        _options = options;
        _ledger = ledger;
        _onLapsed = onLapsed;
        _onProblem = onProblem;
        _sinceRunStart = sinceRunStart;
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Starts renewing on a lab-time timer, first one interval from now.</summary>
    public void Start()
    {
        var interval = _options.EffectiveRenewInterval;
        _timer = _time.CreateTimer(_ => _ = RenewAsync(), null, interval, interval);
    }

    /// <summary>Tracks an applied fault whose lease the lab granted until <paramref name="expiresAt"/>.</summary>
    public void Track(string faultId, DateTimeOffset expiresAt)
    {
        lock (_lock)
        {
            _leaseUntil[faultId] = expiresAt;
        }
    }

    /// <summary>Stops renewing a fault (reverted, or found lapsed).</summary>
    public void Forget(string faultId)
    {
        lock (_lock)
        {
            _leaseUntil.Remove(faultId);
        }
    }

    /// <summary>When a fault's lease lapsed, at the latest: its last granted expiry when that has passed, else now.</summary>
    public DateTimeOffset LapseTime(string faultId)
    {
        lock (_lock)
        {
            var now = Now;
            return _leaseUntil.TryGetValue(faultId, out var until) && until < now ? until : now;
        }
    }

    /// <summary>One round: renews every tracked fault, then the configuration lease if a change stands. A round still going skips this one.</summary>
    public async Task RenewAsync()
    {
        // A slow lab must not pile up renewals; the next tick retries.
        if (Interlocked.Exchange(ref _renewing, 1) != 0)
        {
            return;
        }

        try
        {
            string[] faults;
            lock (_lock)
            {
                faults = [.. _leaseUntil.Keys];
            }

            foreach (var faultId in faults)
            {
                await RenewFaultAsync(faultId).ConfigureAwait(false);
            }

            await RenewConfigurationAsync().ConfigureAwait(false);
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task RenewFaultAsync(string faultId)
    {
        try
        {
            var asked = Now;
            if (await _effects.RenewFaultAsync(faultId, _options.Lease, CancellationToken.None).ConfigureAwait(false))
            {
                lock (_lock)
                {
                    if (_leaseUntil.ContainsKey(faultId))
                    {
                        _leaseUntil[faultId] = asked + _options.Lease;
                    }
                }
            }
            else
            {
                // Gone: the lab reverted it when its lease lapsed (the runner was paused or starved).
                _onLapsed(faultId, LapseTime(faultId));
            }
        }
#pragma warning disable CA1031 // A failed renewal is retried on the next tick; the lease outlives several.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _onProblem(RunProblems.RenewFailed(Now, faultId, ex.Message));
        }
    }

    private async Task RenewConfigurationAsync()
    {
        if (!_ledger.HasChanges)
        {
            return;
        }

        try
        {
            if (!await _effects.RenewConfigurationAsync(_options.Owner, _options.Lease, CancellationToken.None).ConfigureAwait(false))
            {
                _onProblem(RunProblems.ConfigurationLapsed(Now, _sinceRunStart(), _ledger.Functions));
            }
        }
#pragma warning disable CA1031 // A failed renewal is retried on the next tick; the lease outlives several.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _onProblem(RunProblems.RenewConfigurationFailed(Now, ex.Message));
        }
    }
}
