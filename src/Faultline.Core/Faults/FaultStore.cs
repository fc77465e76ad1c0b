using System.Globalization;
using Faultline.Core.Diagnostics;
using Faultline.Core.Randomness;

namespace Faultline.Core.Faults;

/// <summary>
/// The faults active in a lab (thread-safe). Adding validates the spec against the topology and resolves
/// its target once; every fault carries an owner and a lease in lab time, and reverts on its own when the
/// lease lapses (<see cref="ExpireLapsed"/>) — the dead-man's switch. Readers take an immutable snapshot.
/// </summary>
public sealed class FaultStore : IFaultState
{
    private readonly Topology.Topology _topology;
    private readonly TimeProvider _timeProvider;
    private readonly RandomSource _random;
    private readonly Lock _lock = new();
    private volatile ActiveFault[] _faults = [];
    private long _nextId;

    /// <summary>The lab clock leases run on.</summary>
    public TimeProvider Time => _timeProvider;

    /// <summary>Creates an empty store for a topology.</summary>
    /// <param name="topology">What faults are validated and resolved against.</param>
    /// <param name="timeProvider">Lab time, for leases.</param>
    /// <param name="random">The run's seeded source, for <c>COUNT</c>/<c>PERCENT</c> selection.</param>
    public FaultStore(Topology.Topology topology, TimeProvider timeProvider, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        _topology = topology;
        _timeProvider = timeProvider;
        _random = random;
    }

    /// <summary>Raised after a fault is applied (outside the store's lock).</summary>
    public event EventHandler<FaultAppliedEventArgs>? Applied;

    /// <summary>Raised after a fault is reverted, with the reason (outside the store's lock).</summary>
    public event EventHandler<FaultRevertedEventArgs>? Reverted;

    /// <summary>The topology faults are resolved against.</summary>
    public Topology.Topology Topology => _topology;

    /// <summary>Every fault held, including ones whose lease lapsed but that have not been swept yet.</summary>
    public IReadOnlyList<ActiveFault> All => _faults;

    /// <inheritdoc />
    public IReadOnlyList<ActiveFault> Snapshot()
    {
        // Every request asks, so nothing is allocated unless a lease has lapsed and is not swept yet.
        var faults = _faults;
        if (faults.Length == 0)
        {
            return faults;
        }

        var now = _timeProvider.GetUtcNow();
        foreach (var fault in faults)
        {
            if (fault.LeaseExpiresAt <= now)
            {
                return Unexpired(faults, now);
            }
        }

        return faults;
    }

    private static ActiveFault[] Unexpired(ActiveFault[] faults, DateTimeOffset now) => faults.Where(f => f.LeaseExpiresAt > now).ToArray();

    /// <summary>Validates, resolves and applies a fault.</summary>
    /// <param name="spec">The fault asked for.</param>
    /// <param name="owner">Who applies it (a run id, or <c>cli</c>).</param>
    /// <param name="lease">How long (lab time) the fault lives unless renewed; positive and at most <see cref="FaultLimits.MaximumLease"/> (1 h).</param>
    /// <returns>The applied fault with its id and resolved targets.</returns>
    /// <exception cref="InvalidInputException">The spec, owner or lease is invalid; nothing was applied.</exception>
    public ActiveFault Add(FaultSpec spec, string owner, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(owner))
        {
            throw new InvalidInputException("owner is required (a run id, or 'cli')");
        }

        FaultLimits.ThrowIfInvalidLease(lease);
        var candidates = FaultSpecValidator.ValidateAndMatch(spec, _topology);
        var targets = spec.Target.Selection.Kind == SelectionModeKind.All
            ? candidates
            : _random.Pick(candidates, spec.Target.Selection.CountOf(candidates.Count));
        var now = _timeProvider.GetUtcNow();
        var fault = new ActiveFault
        {
            Id = "f" + Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture),
            Owner = owner,
            Spec = spec,
            Targets = targets.ToArray(),
            AppliedAt = now,
            LeaseExpiresAt = FaultLimits.ExpiryOf(now, lease),
        };

        lock (_lock)
        {
            _faults = [.. _faults, fault];
        }

        Applied?.Invoke(this, new FaultAppliedEventArgs(fault));
        return fault;
    }

    /// <summary>Extends a fault's lease to <paramref name="lease"/> from now (at most <see cref="FaultLimits.MaximumLease"/>).</summary>
    /// <returns>The renewed fault, or <c>null</c> when no such fault is active (it may have lapsed).</returns>
    /// <exception cref="InvalidInputException">The lease is not positive or longer than the maximum; nothing changed.</exception>
    public ActiveFault? Renew(string id, TimeSpan lease)
    {
        FaultLimits.ThrowIfInvalidLease(lease);
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            var index = -1;
            for (var i = 0; i < _faults.Length; i++)
            {
                if (string.Equals(_faults[i].Id, id, StringComparison.Ordinal) && _faults[i].LeaseExpiresAt > now)
                {
                    index = i;
                    break;
                }
            }

            if (index < 0)
            {
                return null;
            }

            var renewed = _faults[index] with { LeaseExpiresAt = FaultLimits.ExpiryOf(now, lease) };
            var copy = _faults.ToArray();
            copy[index] = renewed;
            _faults = copy;
            return renewed;
        }
    }

    /// <summary>Reverts one fault.</summary>
    /// <returns>Whether it was active.</returns>
    public bool Remove(string id) => RemoveWhere(f => string.Equals(f.Id, id, StringComparison.Ordinal), FaultRevertReason.Removed) > 0;

    /// <summary>Reverts every fault of an owner.</summary>
    /// <returns>How many were reverted.</returns>
    public int RemoveByOwner(string owner) => RemoveWhere(f => string.Equals(f.Owner, owner, StringComparison.Ordinal), FaultRevertReason.OwnerRemoved);

    /// <summary>Reverts every fault.</summary>
    /// <returns>How many were reverted.</returns>
    public int Reset() => RemoveWhere(static _ => true, FaultRevertReason.Reset);

    /// <summary>Reverts every fault whose lease has lapsed (call periodically).</summary>
    /// <returns>How many were reverted.</returns>
    public int ExpireLapsed()
    {
        var now = _timeProvider.GetUtcNow();
        return RemoveWhere(f => f.LeaseExpiresAt <= now, FaultRevertReason.LeaseExpired);
    }

    private int RemoveWhere(Func<ActiveFault, bool> predicate, FaultRevertReason reason)
    {
        ActiveFault[] removed;
        lock (_lock)
        {
            removed = _faults.Where(predicate).ToArray();
            if (removed.Length == 0)
            {
                return 0;
            }

            _faults = _faults.Where(f => !predicate(f)).ToArray();
        }

        var at = _timeProvider.GetUtcNow();
        foreach (var fault in removed)
        {
            Reverted?.Invoke(this, new FaultRevertedEventArgs(fault, reason, at));
        }

        return removed.Length;
    }
}
