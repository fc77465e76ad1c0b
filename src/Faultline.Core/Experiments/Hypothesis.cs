namespace Faultline.Core.Experiments;

/// <summary>The hypothesis: a title and the checks that decide it. Every check is evaluated; none stops at the first failure.</summary>
public sealed record Hypothesis
{
    /// <summary>The hypothesis in words, e.g. "A failure in us-east-1 does not affect eu-west-1".</summary>
    public required string Title { get; init; }

    /// <summary>The checks, in file order.</summary>
    public required IReadOnlyList<CheckDefinition> Checks { get; init; }
}
