namespace Faultline.Core.Runs;

/// <summary>The run changed state.</summary>
public sealed record RunStateChanged : RunEvent
{
    /// <summary>The new state.</summary>
    public required RunState State { get; init; }

    /// <summary>Why, in words (e.g. the stop condition's name).</summary>
    public string? Reason { get; init; }
}
