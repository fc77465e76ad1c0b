namespace Faultline.Core.Health;

/// <summary>
/// Route 53's health-checker regions: where its checkers probe from, whatever regions the system under test runs in.
/// A health check names at least <see cref="Minimum"/> of them in <c>regions</c>; without <c>regions</c> it is
/// checked from every one (<see cref="Default"/>).
/// </summary>
/// <remarks>
/// Source: the <c>Regions</c> field of HealthCheckConfig (valid values, "Minimum number of 3 items", and "If you
/// don't specify any regions, Route 53 health checkers automatically performs checks from all of the regions"),
/// https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html and
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-route53-healthcheck-healthcheckconfig.html.
/// </remarks>
public static class CheckerRegions
{
    /// <summary>Every checker region, in the order AWS lists them (the lab's address plan numbers them in this order).</summary>
    public static readonly IReadOnlyList<string> All =
        ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"];

    /// <summary>The regions a check without <c>regions</c> is probed from: all of them, as Route 53 does.</summary>
    public static IReadOnlyList<string> Default => All;

    /// <summary>The fewest checker regions a health check may name: three.</summary>
    public const int Minimum = 3;

    /// <summary>Whether <paramref name="name"/> is one of Route 53's checker regions.</summary>
    public static bool IsCheckerRegion(string name) => All.Contains(name, StringComparer.Ordinal);

    /// <summary>The 1-based number of a checker region in <see cref="All"/>, or 0 when it is none.</summary>
    public static int NumberOf(string name)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }
}
