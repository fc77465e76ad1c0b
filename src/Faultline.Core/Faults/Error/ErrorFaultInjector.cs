using Faultline.Core.Faults.Injection;
using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Error;

/// <summary><c>error</c> in the function runtime: the invocation fails, before the handler or after it ran (<see cref="ErrorFaultOptions.PreventExecution"/>).</summary>
public sealed class ErrorFaultInjector : IFunctionFaultInjector
{
    /// <inheritdoc />
    public InvocationFaultEffect? Intercept(ActiveFault fault, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(random);
        return random.Chance(fault.Spec.Percentage)
            ? InvocationFaultEffect.Fail($"Injected error (fault {fault.Id})", ((ErrorFaultOptions)fault.Spec.Options).PreventExecution)
            : null;
    }
}
