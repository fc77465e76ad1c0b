using Faultline.Core.Diagnostics;

namespace Faultline.Core.Experiments;

/// <summary>
/// One step of the action graph, with FIS semantics: without <see cref="StartAfter"/> it starts when the run's
/// fault phase starts; otherwise after all its predecessors complete; with a duration it completes when the
/// duration has elapsed. Kinds: <see cref="FaultAction"/>, <see cref="WaitAction"/>, <see cref="ConfigureAction"/>.
/// </summary>
public abstract record ActionDefinition
{
    /// <summary>The action's name.</summary>
    public required string Name { get; init; }

    /// <summary>Actions that must complete before this one starts.</summary>
    public IReadOnlyList<string> StartAfter { get; init; } = [];

    /// <summary>How long the action lasts; <c>null</c> for instantaneous actions (configure).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>An optional description.</summary>
    public string? Description { get; init; }

    /// <summary>Where the action is written, for messages.</summary>
    public SourceLocation? Location { get; init; }
}
