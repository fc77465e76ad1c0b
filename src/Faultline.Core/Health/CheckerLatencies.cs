namespace Faultline.Core.Health;

/// <summary>
/// Where a Route 53 checker region that is not one of the topology's locations probes from: a built-in table of typical
/// network latencies between AWS regions, from each checker region (<see cref="CheckerRegions.All"/>) to the
/// commercial regions a topology is likely to name. A topology overrides any entry with a <c>latencyMs</c> row for
/// the checker region; a checker region that is also a location of the topology uses that location's latencies
/// instead (docs/topology.md, "Health checks").
/// </summary>
/// <remarks>
/// Approximate: median round trips between EC2 instances in each pair of regions as public measurements report them
/// (rounded, of the order of https://www.cloudping.co/grid shows), halved for the one-way latency the lab
/// models. They move over time and by a few milliseconds between zones; they only need to be of the right size for
/// a checker's answers to arrive within Route 53's limits and for latency records to answer as from that region.
/// </remarks>
public static class CheckerLatencies
{
    /// <summary>Where the figures come from (approximate).</summary>
    public const string Source = "https://www.cloudping.co/grid";

    // Round trips in ms from each region to the checker regions, in CheckerRegions.All's order:
    // us-east-1, us-west-1, us-west-2, eu-west-1, ap-southeast-1, ap-southeast-2, ap-northeast-1, sa-east-1 (0: itself).
    private static readonly Dictionary<string, int[]> RoundTripsMs = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = [0, 62, 67, 68, 215, 198, 145, 115],
        ["us-west-1"] = [62, 0, 22, 135, 170, 140, 108, 175],
        ["us-west-2"] = [67, 22, 0, 125, 165, 140, 100, 180],
        ["eu-west-1"] = [68, 135, 125, 0, 175, 255, 200, 180],
        ["ap-southeast-1"] = [215, 170, 165, 175, 0, 92, 70, 320],
        ["ap-southeast-2"] = [198, 140, 140, 255, 92, 0, 105, 310],
        ["ap-northeast-1"] = [145, 108, 100, 200, 70, 105, 0, 255],
        ["sa-east-1"] = [115, 175, 180, 180, 320, 310, 255, 0],
        ["us-east-2"] = [12, 50, 50, 80, 200, 190, 135, 125],
        ["ca-central-1"] = [16, 78, 60, 70, 215, 210, 150, 125],
        ["eu-west-2"] = [76, 140, 130, 12, 170, 265, 210, 185],
        ["eu-west-3"] = [80, 145, 138, 18, 160, 280, 220, 195],
        ["eu-central-1"] = [90, 150, 140, 25, 160, 250, 225, 200],
        ["eu-north-1"] = [110, 170, 155, 40, 180, 275, 245, 215],
        ["eu-south-1"] = [100, 160, 150, 35, 155, 240, 215, 210],
        ["ap-south-1"] = [185, 230, 215, 120, 55, 145, 125, 300],
        ["ap-northeast-2"] = [175, 130, 125, 235, 75, 135, 33, 285],
        ["ap-northeast-3"] = [155, 110, 105, 210, 75, 115, 9, 260],
        ["ap-east-1"] = [200, 155, 145, 190, 35, 125, 50, 305],
        ["af-south-1"] = [225, 285, 275, 160, 245, 330, 315, 340],
        ["me-south-1"] = [160, 220, 215, 95, 85, 175, 155, 280],
    };

    /// <summary>The regions the table knows, in table order.</summary>
    public static IEnumerable<string> KnownRegions => RoundTripsMs.Keys;

    /// <summary>
    /// The built-in one-way latency from a checker region to an AWS region (half the typical round trip), zero for the
    /// region itself, or <c>null</c> when the table does not know the pair (the topology must give it).
    /// </summary>
    public static TimeSpan? Find(string checkerRegion, string region)
    {
        ArgumentNullException.ThrowIfNull(checkerRegion);
        ArgumentNullException.ThrowIfNull(region);
        var column = CheckerRegions.NumberOf(checkerRegion) - 1;
        if (column < 0 || !RoundTripsMs.TryGetValue(region, out var row))
        {
            return null;
        }

        return TimeSpan.FromMilliseconds(row[column] / 2.0);
    }
}
