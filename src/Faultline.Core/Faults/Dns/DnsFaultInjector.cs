using Faultline.Core.Faults.Injection;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;

namespace Faultline.Core.Faults.Dns;

/// <summary><c>dns</c> in the zone answerer: a query for the record gets SERVFAIL, NXDOMAIN, or its true answer late.</summary>
public sealed class DnsFaultInjector : IDnsFaultInjector
{
    /// <inheritdoc />
    public DnsFaultEffect? Apply(ActiveFault fault, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(random);
        if (!random.Chance(fault.Spec.Percentage))
        {
            return null;
        }

        var options = (DnsFaultOptions)fault.Spec.Options;
        return options.Mode switch
        {
            DnsFaultMode.Servfail => new DnsFaultEffect(DnsOutcomeKind.ServFail, TimeSpan.Zero),
            DnsFaultMode.Nxdomain => new DnsFaultEffect(DnsOutcomeKind.NxDomain, TimeSpan.Zero),
            _ => new DnsFaultEffect(null, options.Delay ?? TimeSpan.Zero),
        };
    }
}
