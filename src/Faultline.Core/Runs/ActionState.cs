namespace Faultline.Core.Runs;

/// <summary>The states of an action, as FIS actions have them.</summary>
public enum ActionState
{
    /// <summary>Waiting for its predecessors.</summary>
    Pending,

    /// <summary>Being applied.</summary>
    Initiating,

    /// <summary>Applied, its duration running.</summary>
    Running,

    /// <summary>Its duration elapsed (and its fault reverted).</summary>
    Completed,

    /// <summary>Not started because the run ended first.</summary>
    Cancelled,

    /// <summary>Being stopped early.</summary>
    Stopping,

    /// <summary>Stopped early; its fault reverted.</summary>
    Stopped,

    /// <summary>Could not be applied.</summary>
    Failed,

    /// <summary>Skipped (e.g. its target selected nothing).</summary>
    Skipped,
}
