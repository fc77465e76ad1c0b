namespace Faultline.Core.Runs;

/// <summary>A stop condition fired: the run stops and reverts every fault.</summary>
public sealed record StopConditionFired : RunEvent
{
    /// <summary>The condition's name.</summary>
    public required string Name { get; init; }

    /// <summary>The value measured in the second that fired it.</summary>
    public double Measured { get; init; }

    /// <summary>The alarm threshold, as written (e.g. <c>&lt; 50%</c>).</summary>
    public required string Threshold { get; init; }

    /// <summary>How long the alarm state had lasted.</summary>
    public TimeSpan Lasted { get; init; }
}
