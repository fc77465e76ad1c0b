namespace Faultline.Core.Faults;

/// <summary>
/// A fault applied to the lab: who owns it, what it resolved to, and when its lease lapses (lab time).
/// A fault whose lease lapses is reverted by the lab even if its owner died.
/// </summary>
public sealed record ActiveFault
{
    /// <summary>The fault's id, unique in the lab.</summary>
    public required string Id { get; init; }

    /// <summary>Who applied it (a run id, or <c>cli</c>).</summary>
    public required string Owner { get; init; }

    /// <summary>What was asked for.</summary>
    public required FaultSpec Spec { get; init; }

    /// <summary>
    /// The resources the target resolved to when applied (selection resolved once): function ids
    /// (<c>region/name</c>) for function kinds, region names for <c>network</c>, a record name for
    /// <c>dns</c>, a health check id for <c>health-override</c>.
    /// </summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>When it was applied (lab time).</summary>
    public required DateTimeOffset AppliedAt { get; init; }

    /// <summary>When the lease lapses unless renewed (lab time).</summary>
    public required DateTimeOffset LeaseExpiresAt { get; init; }
}
