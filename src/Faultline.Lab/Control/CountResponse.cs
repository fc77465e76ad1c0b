namespace Faultline.Lab.Control;

/// <summary>The answer of bulk removals: how many faults were reverted.</summary>
public sealed record CountResponse
{
    /// <summary>How many faults were reverted.</summary>
    public required int Removed { get; init; }
}
