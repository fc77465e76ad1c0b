using Faultline.Core.Diagnostics;
using Faultline.Core.Faults;

namespace Faultline.Core.Experiments;

/// <summary>A named target, e.g. <c>us-functions: { type: function, region: us-east-1, selectionMode: ALL }</c>.</summary>
public sealed record TargetDefinition
{
    /// <summary>The target's name, used by actions.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of resource it selects.</summary>
    public required TargetType Type { get; init; }

    /// <summary>The selection, as faults take it (selection mode resolved once when the action starts, then journaled).</summary>
    public required FaultTarget Target { get; init; }

    /// <summary>Where the target is written, for messages.</summary>
    public SourceLocation? Location { get; init; }
}
