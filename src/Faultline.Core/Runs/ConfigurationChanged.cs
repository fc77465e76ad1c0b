namespace Faultline.Core.Runs;

/// <summary>A configure action (or its undo at the end of the run) changed a function's configuration.</summary>
public sealed record ConfigurationChanged : RunEvent
{
    /// <summary>The action, or <c>undo</c> for the end-of-run restore.</summary>
    public required string Action { get; init; }

    /// <summary>The function id (<c>region/name</c>).</summary>
    public required string Function { get; init; }

    /// <summary>Variables set (value) or removed (<c>null</c>).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>Layers attached now.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];
}
