using Faultline.Core.Faults;
using Faultline.Core.Faults.Injection;

namespace Faultline.Core.Health;

/// <summary>
/// Every health check of a topology: takes probe results from the checkers (real or simulated), applies
/// <c>health-override</c> faults, and answers <see cref="IsHealthy"/> as DNS should see it — the fleet's
/// status as it was <see cref="Topology.DnsConfig.PropagationDelay"/> ago (default zero: at once).
/// Thread-safe.
/// </summary>
public sealed class HealthRegistry : IHealthStatus
{
    private readonly Dictionary<string, Entry> _entries;
    private readonly TimeProvider _timeProvider;
    private readonly IFaultState? _faults;
    private readonly TimeSpan _propagationDelay;
    private readonly Lock _lock = new();

    /// <summary>Creates the registry of a topology's checks; every check starts healthy (inverted ones unhealthy).</summary>
    /// <param name="topology">The topology whose checks are tracked.</param>
    /// <param name="timeProvider">Lab time.</param>
    /// <param name="faults">Active faults, for <c>health-override</c>; <c>null</c> means none.</param>
    public HealthRegistry(Topology.Topology topology, TimeProvider timeProvider, IFaultState? faults = null)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _faults = faults;
        _propagationDelay = topology.Dns.PropagationDelay;
        var now = timeProvider.GetUtcNow();
        _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var check in topology.HealthChecks)
        {
            var state = new HealthCheckState(check);
            _entries[check.Id] = new Entry(state, now);
        }
    }

    /// <summary>Raised when a check's effective status (fleet plus overrides, without propagation delay) changes.</summary>
    /// <remarks>
    /// Overrides are noticed when the check is next evaluated: on a probe result, a DNS query, or <see cref="Refresh"/>.
    /// Handlers run on the caller's thread and must not throw.
    /// </remarks>
    public event EventHandler<HealthTransition>? Transitioned;

    /// <summary>
    /// Raised when one checker's view of a check flips, so the share of checkers that see it healthy changed; raised
    /// before the <see cref="Transitioned"/> that change may cause. Handlers run on the caller's thread and must not throw.
    /// </summary>
    public event EventHandler<HealthShare>? ShareChanged;

    /// <summary>The ids of the tracked checks, in topology order.</summary>
    public IReadOnlyCollection<string> CheckIds => _entries.Keys;

    /// <summary>Records one probe result of one checker of a check. Unknown ids are ignored.</summary>
    public void Record(string checkId, int checker, bool success)
    {
        ArgumentNullException.ThrowIfNull(checkId);
        HealthTransition? transition;
        HealthShare? share = null;
        lock (_lock)
        {
            if (!_entries.TryGetValue(checkId, out var entry))
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            if (entry.State.Record(checker, success))
            {
                share = new HealthShare(checkId, entry.State.PercentageHealthy, now);
            }

            transition = Evaluate(checkId, entry, now, OverrideOf(checkId));
        }

        if (share is not null)
        {
            ShareChanged?.Invoke(this, share);
        }

        Raise(transition);
    }

    /// <inheritdoc />
    public bool IsHealthy(string checkId)
    {
        ArgumentNullException.ThrowIfNull(checkId);
        HealthTransition? transition;
        bool healthy;
        lock (_lock)
        {
            if (!_entries.TryGetValue(checkId, out var entry))
            {
                return true;
            }

            var now = _timeProvider.GetUtcNow();
            var forced = OverrideOf(checkId);
            transition = Evaluate(checkId, entry, now, forced);
            healthy = forced ?? entry.FleetStatusAt(now - _propagationDelay);
        }

        Raise(transition);
        return healthy;
    }

    /// <summary>The check's effective status now (fleet plus overrides, no propagation delay): the <c>HealthCheckStatus</c> metric is 1 when true.</summary>
    public bool CurrentStatus(string checkId)
    {
        lock (_lock)
        {
            var entry = _entries[checkId];
            return OverrideOf(checkId) ?? entry.State.IsHealthy;
        }
    }

    /// <summary>The <c>HealthCheckStatus</c> metric: 1 when <see cref="CurrentStatus"/> is healthy, else 0.</summary>
    public int Status(string checkId) => CurrentStatus(checkId) ? 1 : 0;

    /// <summary>The share of checkers (0–100) reporting healthy: the <c>HealthCheckPercentageHealthy</c> metric.</summary>
    public double PercentageHealthy(string checkId)
    {
        lock (_lock)
        {
            return _entries[checkId].State.PercentageHealthy;
        }
    }

    /// <summary>Re-evaluates every check (e.g. after a <c>health-override</c> fault was applied) and raises transitions.</summary>
    public void Refresh()
    {
        var transitions = new List<HealthTransition>();
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var (id, entry) in _entries)
            {
                if (Evaluate(id, entry, now, OverrideOf(id)) is { } t)
                {
                    transitions.Add(t);
                }
            }
        }

        foreach (var t in transitions)
        {
            Raise(t);
        }
    }

    private static HealthTransition? Evaluate(string checkId, Entry entry, DateTimeOffset now, bool? forced)
    {
        var fleet = entry.State.IsHealthy;
        entry.NoteFleetStatus(fleet, now);
        var effective = forced ?? fleet;
        if (effective == entry.LastEffective)
        {
            return null;
        }

        entry.LastEffective = effective;
        return new HealthTransition(checkId, effective, now, entry.State.PercentageHealthy);
    }

    private bool? OverrideOf(string checkId)
    {
        if (_faults is null)
        {
            return null;
        }

        bool? forced = null;
        foreach (var fault in _faults.Snapshot())
        {
            if (FaultKindRegistry.InjectorOf<IHealthCheckFaultInjector>(fault) is { } injector && fault.Targets.Contains(checkId, StringComparer.Ordinal))
            {
                // The most recently applied override wins (snapshot order is application order).
                forced = injector.ForcedStatus(fault);
            }
        }

        return forced;
    }

    private void Raise(HealthTransition? transition)
    {
        if (transition is not null)
        {
            Transitioned?.Invoke(this, transition);
        }
    }

    private sealed class Entry(HealthCheckState state, DateTimeOffset createdAt)
    {
        // Fleet status changes in time order; the first entry is the initial status.
        private readonly List<(DateTimeOffset At, bool Healthy)> _history = [(createdAt, state.IsHealthy)];

        public HealthCheckState State { get; } = state;

        public bool LastEffective { get; set; } = state.IsHealthy;

        public void NoteFleetStatus(bool healthy, DateTimeOffset now)
        {
            if (_history[^1].Healthy != healthy)
            {
                _history.Add((now, healthy));
            }
        }

        public bool FleetStatusAt(DateTimeOffset at)
        {
            var index = _history.FindLastIndex(h => h.At <= at);
            if (index > 0)
            {
                // Older changes can no longer be seen by anyone: drop them so the list stays short.
                _history.RemoveRange(0, index);
                index = 0;
            }

            return _history[Math.Max(index, 0)].Healthy;
        }
    }
}
