using Faultline.Core.Diagnostics;
using Faultline.Core.Runs;

namespace Faultline.Core.Aws.Analyze;

/// <summary>A real FIS experiment as <c>aws fis get-experiment</c> printed it: its state, times and actions.</summary>
public sealed record FisExperimentRun
{
    /// <summary>The experiment id (<c>experiment.id</c>), e.g. <c>EXPabc123</c>; empty when the file has none.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>Its final status, e.g. <c>completed</c>, <c>stopped</c>, <c>failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Why (<c>state.reason</c>), or <c>null</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>When the experiment started.</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>When it ended, or <c>null</c> while it runs.</summary>
    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Its actions, in file order.</summary>
    public required IReadOnlyList<FisActionRun> Actions { get; init; }

    /// <summary>The run state this status maps to.</summary>
    public RunState RunState => Status switch
    {
        "completed" => RunState.Completed,
        "stopped" or "stopping" => RunState.Stopped,
        "failed" => RunState.Failed,
        "cancelled" => RunState.Cancelled,
        _ => RunState.Running,
    };

    /// <summary>Where the file's <c>experiment</c> object starts.</summary>
    public required SourceLocation Location { get; init; }
}
