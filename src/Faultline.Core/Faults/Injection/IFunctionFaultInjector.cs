using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Injection;

/// <summary>
/// What a fault on functions (<see cref="FaultScope.Functions"/>) does to one invocation, asked by the function runtime
/// in a fixed order: <see cref="ConcurrencyLimit"/> before the invocation is admitted, <see cref="Delay"/> after the cold
/// start, <see cref="Intercept"/> before the handler. Each member's default says the fault does nothing at that point.
/// </summary>
public interface IFunctionFaultInjector : IFaultInjector
{
    /// <summary>The concurrent invocations the fault allows; default <c>null</c> (it does not limit concurrency).</summary>
    int? ConcurrencyLimit(ActiveFault fault) => null;

    /// <summary>The delay the fault adds inside this invocation, drawing its percentage from <paramref name="random"/>; default <c>null</c> (it adds none, and draws nothing).</summary>
    TimeSpan? Delay(ActiveFault fault, RandomSource random) => null;

    /// <summary>How the fault fails or replaces this invocation, drawing its percentage from <paramref name="random"/>; default <c>null</c> (it does neither, and draws nothing).</summary>
    InvocationFaultEffect? Intercept(ActiveFault fault, RandomSource random) => null;
}
