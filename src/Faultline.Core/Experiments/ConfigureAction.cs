namespace Faultline.Core.Experiments;

/// <summary>
/// Changes the configuration of the target's functions the way the seed's SSM document does: sets or unsets
/// environment variables, attaches or detaches a layer. Every change is undone at the end of the run, even
/// when a later action that would undo it never ran.
/// </summary>
public sealed record ConfigureAction : ActionDefinition
{
    /// <summary>The named target (must select functions).</summary>
    public required string Target { get; init; }

    /// <summary>Environment variables to set (merged into the existing ones, as the SSM script does).</summary>
    public IReadOnlyDictionary<string, string> SetEnvironment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Environment variables to remove.</summary>
    public IReadOnlyList<string> UnsetEnvironment { get; init; } = [];

    /// <summary>A layer to attach (by name or ARN), or <c>null</c>.</summary>
    public string? AttachLayer { get; init; }

    /// <summary>A layer to detach, or <c>null</c>.</summary>
    public string? DetachLayer { get; init; }
}
