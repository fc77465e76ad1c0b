namespace Faultline.Core.Faults;

/// <summary>Options that are a mode and a delay only one mode takes (<see cref="ModeAndDelayFaultKind{TOptions, TMode}"/>).</summary>
/// <typeparam name="TMode">The modes.</typeparam>
public interface IModeAndDelayOptions<TMode>
    where TMode : struct, Enum
{
    /// <summary>The mode.</summary>
    TMode Mode { get; init; }

    /// <summary>The delay, for the mode that delays.</summary>
    TimeSpan? Delay { get; init; }
}
