namespace Faultline.Core.Experiments;

/// <summary>The phases of a run. <see cref="Fault"/> spans from the first fault's start to the last fault's end.</summary>
public enum Phase
{
    /// <summary>The whole run, from the first request to the last.</summary>
    Run,

    /// <summary>Load on, no faults.</summary>
    Baseline,

    /// <summary>From the first action's start to the last action's end.</summary>
    Fault,

    /// <summary>After the last action, load still on.</summary>
    Recovery,
}
