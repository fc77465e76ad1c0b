namespace Faultline.Dashboard;

/// <summary>The DNS answer a location gets for a name.</summary>
/// <param name="Location">Where the resolver is.</param>
/// <param name="Name">The name asked for.</param>
/// <param name="Regions">The regions answered (empty for no answer).</param>
/// <param name="Outcome">How the query ended, e.g. <c>answer</c> or <c>nxdomain</c>.</param>
public sealed record DashboardDnsAnswer(string Location, string Name, IReadOnlyList<string> Regions, string Outcome);
