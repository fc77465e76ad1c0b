namespace Faultline.Core.Runs;

/// <summary>The states of a run, as FIS experiments have them.</summary>
public enum RunState
{
    /// <summary>Created, not started.</summary>
    Pending,

    /// <summary>Starting the lab and the load.</summary>
    Initiating,

    /// <summary>Baseline, faults or recovery in progress.</summary>
    Running,

    /// <summary>Every action completed.</summary>
    Completed,

    /// <summary>A stop condition fired or the user interrupted; reverting.</summary>
    Stopping,

    /// <summary>Stopped; every fault reverted.</summary>
    Stopped,

    /// <summary>An internal failure; every fault reverted.</summary>
    Failed,

    /// <summary>Not run: steady state was not met, so nothing was injected.</summary>
    Cancelled,
}
