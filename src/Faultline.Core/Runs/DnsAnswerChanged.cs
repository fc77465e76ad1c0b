namespace Faultline.Core.Runs;

/// <summary>A location got a different answer for a name than before (the first answer counts as a change).</summary>
public sealed record DnsAnswerChanged : RunEvent
{
    /// <summary>The querier's location.</summary>
    public required string Location { get; init; }

    /// <summary>The name queried.</summary>
    public required string Name { get; init; }

    /// <summary>The regions answered (empty for a failure).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary>The addresses answered.</summary>
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>The outcome: <c>answer</c>, <c>nxdomain</c>, <c>servfail</c>, <c>nodata</c>.</summary>
    public string Outcome { get; init; } = "answer";
}
