namespace Faultline.Core.Faults;

/// <summary>Read access to the faults active in a lab, for the parts that obey them (DNS, health, gateways).</summary>
public interface IFaultState
{
    /// <summary>The faults active now (lapsed leases excluded). Cheap; safe to call per request.</summary>
    IReadOnlyList<ActiveFault> Snapshot();
}
