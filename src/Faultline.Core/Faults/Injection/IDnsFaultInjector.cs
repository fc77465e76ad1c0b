using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Injection;

/// <summary>What a fault on a DNS record (<see cref="FaultScope.Record"/>) does to one query for it, asked by the lab DNS's zone answerer.</summary>
public interface IDnsFaultInjector : IFaultInjector
{
    /// <summary>
    /// What happens to one query for the fault's record, drawing the fault's percentage from <paramref name="random"/>;
    /// <c>null</c> when the draw spares the query. The first fault that answers in its stead ends the query; delays sum.
    /// </summary>
    DnsFaultEffect? Apply(ActiveFault fault, RandomSource random);
}
