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
        return FaultDraw.Options<ErrorFaultOptions>(fault, random) is { } error ? InvocationFaultEffect.Fail($"Injected error (fault {fault.Id})", error.PreventExecution) : null;
    }
}
