namespace Faultline.Core.Experiments;

/// <summary>The start or the end of a phase.</summary>
public enum PhaseEdgeKind
{
    /// <summary>The phase's start.</summary>
    Start,

    /// <summary>The phase's end.</summary>
    End,
}
