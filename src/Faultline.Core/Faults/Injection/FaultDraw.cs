using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Injection;

/// <summary>The percentage draw the injectors of kinds that honour it share.</summary>
public static class FaultDraw
{
    /// <summary>
    /// <paramref name="fault"/>'s options when the draw of its percentage from <paramref name="random"/> hits this
    /// request, else <c>null</c>. A percentage of 100 draws nothing (<see cref="RandomSource.Chance"/>).
    /// </summary>
    /// <typeparam name="TOptions">The options of the injector's kind.</typeparam>
    public static TOptions? Options<TOptions>(ActiveFault fault, RandomSource random)
        where TOptions : FaultOptions
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(random);
        return random.Chance(fault.Spec.Percentage) ? (TOptions)fault.Spec.Options : null;
    }
}
