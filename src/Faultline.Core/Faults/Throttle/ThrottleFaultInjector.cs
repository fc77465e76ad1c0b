using Faultline.Core.Faults.Injection;

namespace Faultline.Core.Faults.Throttle;

/// <summary><c>throttle</c> in the function runtime: the concurrency allowed, as reserved concurrency (the percentage does not apply).</summary>
public sealed class ThrottleFaultInjector : IFunctionFaultInjector
{
    /// <inheritdoc />
    public int? ConcurrencyLimit(ActiveFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return ((ThrottleFaultOptions)fault.Spec.Options).Concurrency;
    }
}
