namespace Faultline.Core.Faults;

/// <summary>The kind of a <see cref="SelectionMode"/>.</summary>
public enum SelectionModeKind
{
    /// <summary>Every matching resource.</summary>
    All,

    /// <summary>A fixed number, chosen with the run's seeded random source.</summary>
    Count,

    /// <summary>A percentage, chosen with the run's seeded random source.</summary>
    Percent,
}
