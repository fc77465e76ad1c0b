namespace Faultline.Core.Runs;

/// <summary>An action changed state.</summary>
public sealed record ActionStateChanged : RunEvent
{
    /// <summary>The action's name.</summary>
    public required string Action { get; init; }

    /// <summary>The new state.</summary>
    public required ActionState State { get; init; }

    /// <summary>Details, e.g. the resolved targets or why it failed.</summary>
    public string? Detail { get; init; }
}
