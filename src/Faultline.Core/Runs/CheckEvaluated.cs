namespace Faultline.Core.Runs;

/// <summary>A hypothesis check was evaluated (at the end, or the steady-state checks before any fault).</summary>
public sealed record CheckEvaluated : RunEvent
{
    /// <summary>The check's name.</summary>
    public required string Check { get; init; }

    /// <summary>Whether it passed; <c>null</c> when it could not be decided (no data).</summary>
    public bool? Passed { get; init; }

    /// <summary>What was measured, formatted (e.g. <c>97.5%</c>, <c>after 1m32s</c>).</summary>
    public string? Measured { get; init; }

    /// <summary>The threshold, formatted.</summary>
    public string? Expected { get; init; }

    /// <summary>Why the result cannot be trusted because the host did not keep lab time; <c>null</c> when it did.</summary>
    public string? HostImpaired { get; init; }
}
