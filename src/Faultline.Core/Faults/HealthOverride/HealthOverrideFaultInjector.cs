using Faultline.Core.Faults.Injection;

namespace Faultline.Core.Faults.HealthOverride;

/// <summary><c>health-override</c> in the health registry: the check's status is forced (the percentage does not apply).</summary>
public sealed class HealthOverrideFaultInjector : IHealthCheckFaultInjector
{
    /// <inheritdoc />
    public bool ForcedStatus(ActiveFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return ((HealthOverrideFaultOptions)fault.Spec.Options).Status == HealthOverrideStatus.Healthy;
    }
}
