namespace Faultline.Lab.Limits;

/// <summary>What the descriptor check decided.</summary>
public enum DescriptorCheckOutcome
{
    /// <summary>The soft limit already covers the need.</summary>
    Enough,

    /// <summary>The soft limit was raised (to the hard limit) to cover the need.</summary>
    Raised,

    /// <summary>The platform has no limit to check (anything but Linux): nothing was done.</summary>
    Unknown,

    /// <summary>Even the hard limit is below the need, or raising failed: the run must not start.</summary>
    Refused,
}
