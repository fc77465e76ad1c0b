using Faultline.Core.Faults.Injection;
using Faultline.Core.Randomness;

namespace Faultline.Core.Faults.Latency;

/// <summary><c>latency</c> in the function runtime: a delay inside the invocation, before the handler, that counts against its timeout.</summary>
public sealed class LatencyFaultInjector : IFunctionFaultInjector
{
    /// <inheritdoc />
    public TimeSpan? Delay(ActiveFault fault, RandomSource random)
    {
        // A range draws once more, after the percentage; a fixed delay draws nothing else (the seed's runs depend on the order).
        ArgumentNullException.ThrowIfNull(random);
        return FaultDraw.Options<LatencyFaultOptions>(fault, random) is { } latency ? latency.Delay ?? Uniform(latency.Min ?? TimeSpan.Zero, latency.Max ?? TimeSpan.Zero, random) : null;
    }

    private static TimeSpan Uniform(TimeSpan min, TimeSpan max, RandomSource random) =>
        min + TimeSpan.FromTicks((long)((max - min).Ticks * random.NextDouble()));
}
