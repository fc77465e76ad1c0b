using System.Globalization;

namespace Faultline.Core.Health;

/// <summary>How a health check's status reads for people, in the lab's log and on the console: one sentence, one place.</summary>
public static class HealthWords
{
    /// <summary>How many of <paramref name="checkers"/> see the check healthy, from the share (0–100) they make up.</summary>
    public static int HealthyCheckers(double percentageHealthy, int checkers) =>
        (int)Math.Round(percentageHealthy * checkers / 100, MidpointRounding.AwayFromZero);

    /// <summary>A share as a whole percentage, rounded half up: <c>13%</c> for 12.5.</summary>
    public static string Percent(double percentageHealthy) =>
        Math.Round(percentageHealthy, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The status sentence: <c>hc-us unhealthy: 2 of 16 checkers (13%) see it healthy</c>.</summary>
    public static string Status(string checkId, bool healthy, double percentageHealthy, int checkers) =>
        $"{checkId} {(healthy ? "healthy" : "unhealthy")}: {HealthyCheckers(percentageHealthy, checkers)} of {checkers} checkers ({Percent(percentageHealthy)}) see it healthy";
}
