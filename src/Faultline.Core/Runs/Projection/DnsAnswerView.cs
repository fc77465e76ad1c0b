namespace Faultline.Core.Runs.Projection;

/// <summary>What a location's customers are answered for a name now.</summary>
/// <param name="Location">The customers' location.</param>
/// <param name="Name">The name.</param>
/// <param name="Regions">The regions answered (empty for a failure).</param>
/// <param name="Outcome">The outcome: <c>answer</c>, <c>nxdomain</c>, <c>servfail</c>, <c>nodata</c>.</param>
/// <param name="Since">When this answer was first given (lab time).</param>
/// <param name="Answers">How many different answers in a row the location has had, this one included (1 for the first).</param>
/// <param name="FormerRegions">Regions answered before during the run and not now.</param>
public sealed record DnsAnswerView(string Location, string Name, IReadOnlyList<string> Regions, string Outcome, DateTimeOffset Since, int Answers, IReadOnlyList<string> FormerRegions)
{
    /// <summary>The answer in words: its regions, or its outcome when it has none.</summary>
    public string Describe() => Regions.Count > 0 ? string.Join(", ", Regions) : Outcome;
}
