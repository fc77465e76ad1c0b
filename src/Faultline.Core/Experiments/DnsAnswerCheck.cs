namespace Faultline.Core.Experiments;

/// <summary>
/// Queries for a name from a location must be answered with a region within a time of the window's start, e.g.
/// <c>{ dns: { location: us-east-1, name: api.example.test, answers: eu-west-1 }, within: 3m }</c>.
/// </summary>
public sealed record DnsAnswerCheck : CheckDefinition
{
    /// <summary>The location whose answers are checked.</summary>
    public required string QuerierLocation { get; init; }

    /// <summary>The name queried (normalized).</summary>
    public required string QueryName { get; init; }

    /// <summary>The region the answer must point to.</summary>
    public required string AnswersRegion { get; init; }

    /// <summary>How long after the window's start it may take.</summary>
    public required TimeSpan Within { get; init; }
}
