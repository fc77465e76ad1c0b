namespace Faultline.Core.Faults.Latency;

/// <summary>
/// <c>latency</c>: adds a delay inside the invocation, before the handler runs, as the chaos extension
/// does; it counts against the function timeout. Either <see cref="Delay"/>, or <see cref="Min"/> and
/// <see cref="Max"/> for a uniformly drawn delay.
/// </summary>
public sealed record LatencyFaultOptions : FaultOptions
{
    /// <inheritdoc />
    public override FaultKind Kind => FaultKind.Latency;

    /// <summary>A fixed delay.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>The shortest delay of a uniform range.</summary>
    public TimeSpan? Min { get; init; }

    /// <summary>The longest delay of a uniform range.</summary>
    public TimeSpan? Max { get; init; }
}
