namespace Faultline.Core.Runs;

/// <summary>Which engine a run used; written into <c>result.json</c> as <c>engine</c>.</summary>
public enum RunEngine
{
    /// <summary>Real sockets in wall time, scaled: the lab's own, or a running one.</summary>
    Live,

    /// <summary>The same lab semantics in virtual time: deterministic, no sockets, no wall clock.</summary>
    Simulated,
}
