using Faultline.Core.Experiments;

namespace Faultline.Lab.Control;

/// <summary>
/// The body of <c>POST /v1/functions/{region}/{name}/configuration</c>: what the seed's SSM document does to a
/// function (set/unset variables, attach/detach a layer), or, for a restore, the whole environment and layer list.
/// Replacements apply first, then unset, set, detach, attach.
/// </summary>
public sealed record ConfigureFunctionRequest
{
    /// <summary>Who changes it (a run id); <c>POST /v1/functions/restore?owner=X</c> undoes that owner's changes. Default <c>cli</c>.</summary>
    public string Owner { get; init; } = "cli";

    /// <summary>Variables to set, merged into the current ones. Default none.</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Variables to remove. Default none.</summary>
    public IReadOnlyList<string> Unset { get; init; } = [];

    /// <summary>A layer to attach (no-op when attached), or <c>null</c>.</summary>
    public string? AttachLayer { get; init; }

    /// <summary>A layer to detach (no-op when not attached), or <c>null</c>.</summary>
    public string? DetachLayer { get; init; }

    /// <summary>The whole environment to replace the current one with, or <c>null</c> to keep it.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>The whole layer list to replace the current one with, or <c>null</c> to keep it.</summary>
    public IReadOnlyList<string>? Layers { get; init; }

    /// <summary>
    /// How long (lab time) the owner's changes stand unless renewed with <c>POST /v1/functions/renew</c>; when it
    /// lapses the lab puts every function the owner changed back as it was before the owner's first change, as a
    /// fault's lease does. <c>null</c> (the default): the changes stand until restored.
    /// </summary>
    public TimeSpan? Lease { get; init; }

    /// <summary>The request a configure action makes.</summary>
    public static ConfigureFunctionRequest From(ConfigureAction action, string owner, TimeSpan? lease = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new ConfigureFunctionRequest
        {
            Owner = owner,
            Lease = lease,
            Set = action.SetEnvironment,
            Unset = action.UnsetEnvironment,
            AttachLayer = action.AttachLayer,
            DetachLayer = action.DetachLayer,
        };
    }
}
