using Faultline.Core.Diagnostics;
using Faultline.Core.Runs;

namespace Faultline.Core.Aws.Analyze;

/// <summary>One action of a real FIS experiment, as <c>aws fis get-experiment</c> printed it.</summary>
public sealed record FisActionRun
{
    /// <summary>The action's name in the template (the key of <c>experiment.actions</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The FIS action id, e.g. <c>aws:lambda:invocation-add-delay</c>.</summary>
    public required string ActionId { get; init; }

    /// <summary>Its final state (<c>state.status</c>).</summary>
    public required ActionState State { get; init; }

    /// <summary>Why it is in that state (<c>state.reason</c>), or <c>null</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>When it started, or <c>null</c> when it never did.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>When it ended, or <c>null</c> when it never did.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Where the action's entry starts in the file.</summary>
    public required SourceLocation Location { get; init; }
}
