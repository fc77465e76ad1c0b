namespace Faultline.Lab.Limits;

/// <summary>The descriptor check's decision, with the numbers it rests on.</summary>
public sealed record DescriptorCheckResult
{
    /// <summary>What was decided.</summary>
    public required DescriptorCheckOutcome Outcome { get; init; }

    /// <summary>What the process needs.</summary>
    public required DescriptorNeed Need { get; init; }

    /// <summary>The limit before the check (<c>null</c> when <see cref="DescriptorCheckOutcome.Unknown"/>).</summary>
    public DescriptorLimit? Before { get; init; }

    /// <summary>The soft limit in force after the check (<c>null</c> when <see cref="DescriptorCheckOutcome.Unknown"/>).</summary>
    public long? Soft { get; init; }

    /// <summary>Whether the process may start.</summary>
    public bool Allowed => Outcome != DescriptorCheckOutcome.Refused;
}
