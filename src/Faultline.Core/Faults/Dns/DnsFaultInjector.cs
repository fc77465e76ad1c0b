using Faultline.Core.Faults.Injection;
using Faultline.Core.Randomness;
using Faultline.Core.Routing;

namespace Faultline.Core.Faults.Dns;

/// <summary><c>dns</c> in the zone answerer: a query for the record gets SERVFAIL, NXDOMAIN, or its true answer late.</summary>
public sealed class DnsFaultInjector : IDnsFaultInjector
{
    /// <inheritdoc />
    public DnsFaultEffect? Apply(ActiveFault fault, RandomSource random) => FaultDraw.Options<DnsFaultOptions>(fault, random) switch
    {
        null => null,
        { Mode: DnsFaultMode.Servfail } => new DnsFaultEffect(DnsOutcomeKind.ServFail, TimeSpan.Zero),
        { Mode: DnsFaultMode.Nxdomain } => new DnsFaultEffect(DnsOutcomeKind.NxDomain, TimeSpan.Zero),
        var options => new DnsFaultEffect(null, options.Delay ?? TimeSpan.Zero),
    };
}
