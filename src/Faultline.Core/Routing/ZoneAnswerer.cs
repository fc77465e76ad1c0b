using Faultline.Core.Addressing;
using Faultline.Core.Faults;
using Faultline.Core.Faults.Injection;
using Faultline.Core.Health;
using Faultline.Core.Randomness;
using Faultline.Core.Topology;

namespace Faultline.Core.Routing;

/// <summary>
/// Decides the answer of the lab's hosted zone to one query: REFUSED outside the zone, NXDOMAIN for
/// unknown names, NODATA for other types than the record's, <c>dns</c> faults (each fault's
/// <see cref="IDnsFaultInjector"/>), else the record sets
/// chosen by <see cref="RecordSelector"/> as gateway addresses with the record's TTL (an alias set's answer carries its
/// target's TTL, <see cref="AliasTarget.TargetTtl"/>). Thread-safe.
/// </summary>
public sealed class ZoneAnswerer
{
    private readonly Topology.Topology _topology;
    private readonly IHealthStatus _health;
    private readonly IFaultState _faults;
    private readonly RandomSource _random;
    private readonly RecordSelector _selector;
    private readonly AddressPlan _plan;
    private readonly string _zone;

    /// <summary>Creates the answerer of a topology's zone.</summary>
    /// <param name="topology">The topology (zone, records, latencies, locations).</param>
    /// <param name="health">Health as DNS sees it, usually a <see cref="HealthRegistry"/>.</param>
    /// <param name="faults">Active faults, for <c>dns</c> faults.</param>
    /// <param name="random">The run's random source (weighted routing, fault percentages).</param>
    public ZoneAnswerer(Topology.Topology topology, IHealthStatus health, IFaultState faults, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(random);
        _topology = topology;
        _health = health;
        _faults = faults;
        _random = random;
        _selector = new RecordSelector(topology.Latency, random);
        _plan = AddressPlan.For(topology);
        _zone = DnsName.Normalize(topology.Dns.Zone);
    }

    /// <summary>The zone apex, normalized.</summary>
    public string Zone => _zone;

    /// <summary>Decides the answer to <paramref name="query"/>.</summary>
    public DnsOutcome Answer(DnsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var name = DnsName.Normalize(query.Name);
        // A Route 53 checker region that is not a location is a querier too: its health checkers resolve from there.
        var location = query.Location is not null && (_topology.Locations.Contains(query.Location, StringComparer.Ordinal) || CheckerRegions.IsCheckerRegion(query.Location))
            ? query.Location
            : _topology.Locations.Count > 0 ? _topology.Locations[0] : string.Empty;
        var outcome = new DnsOutcome { Kind = DnsOutcomeKind.Refused, Name = name, Location = location };

        if (!string.Equals(name, _zone, StringComparison.Ordinal) && !name.EndsWith("." + _zone, StringComparison.Ordinal))
        {
            return outcome;
        }

        var delay = TimeSpan.Zero;
        string? faultId = null;
        foreach (var fault in _faults.Snapshot())
        {
            if (FaultKindRegistry.InjectorOf<IDnsFaultInjector>(fault) is not { } injector
                || !fault.Targets.Any(t => string.Equals(DnsName.Normalize(t), name, StringComparison.Ordinal))
                || injector.Apply(fault, _random) is not { } effect)
            {
                continue;
            }

            faultId = fault.Id;
            if (effect.Answer is { } answer)
            {
                return outcome with { Kind = answer, FaultId = faultId };
            }

            delay += effect.Delay;
        }

        outcome = outcome with { Delay = delay, FaultId = faultId };
        var record = _topology.Dns.FindRecord(name);
        if (record is null)
        {
            // The apex and names above existing records exist (empty non-terminals): NODATA, not NXDOMAIN.
            var exists = string.Equals(name, _zone, StringComparison.Ordinal)
                || _topology.Dns.Records.Any(r => r.Name.EndsWith("." + name, StringComparison.Ordinal));
            return outcome with { Kind = exists ? DnsOutcomeKind.NoData : DnsOutcomeKind.NxDomain };
        }

        if (!string.Equals(query.Type, record.Type, StringComparison.OrdinalIgnoreCase))
        {
            return outcome with { Kind = DnsOutcomeKind.NoData, Ttl = record.Ttl };
        }

        var sets = _selector.Select(record, location, _health);
        var regions = sets.Select(s => s.Region).Distinct(StringComparer.Ordinal).ToArray();
        return outcome with
        {
            Kind = DnsOutcomeKind.Answer,
            Regions = regions,
            Addresses = regions.Select(_plan.GatewayAddress).ToArray(),

            // An alias has no TTL of its own: Route 53 answers with the target's (AliasTarget.TargetTtl).
            Ttl = sets.Count == 0 ? record.Ttl : sets.Max(record.AnswerTtl),
        };
    }
}
