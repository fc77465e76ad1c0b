using System.Text;

namespace Faultline.Reports.Charts;

/// <summary>
/// The charts' colours, fixed by meaning so a colour reads the same in every chart, every run, the report, the live
/// dashboard and a comparison: status classes (2xx green, 4xx amber, 5xx red, errors grey), one colour per region,
/// and dark lines for thresholds. docs/observing.md ("Charts") lists them.
/// </summary>
public static class ChartColors
{
    /// <summary>2xx responses: green.</summary>
    public const string Status2xx = "#1a7f37";

    /// <summary>4xx responses: amber.</summary>
    public const string Status4xx = "#bf8700";

    /// <summary>5xx responses: red.</summary>
    public const string Status5xx = "#cf222e";

    /// <summary>Requests with no status (connect errors, DNS failures, timeouts, resets) and 3xx: grey.</summary>
    public const string Errors = "#6e7781";

    /// <summary>A check's threshold line: near-black, dashed.</summary>
    public const string CheckThreshold = "#24292f";

    /// <summary>A stop condition's threshold line (and Route 53's 18% rule): dark red, dashed.</summary>
    public const string StopThreshold = "#82071e";

    /// <summary>
    /// The region palette: eight colours that are none of the status colours, so a region is never read as "errors".
    /// </summary>
    public static IReadOnlyList<string> Palette { get; } =
    [
        "#0969da", // blue
        "#8250df", // purple
        "#1b7c83", // teal
        "#bf3989", // pink
        "#953800", // brown
        "#0a3069", // navy
        "#54aeff", // light blue
        "#a475f9", // lavender
    ];

    /// <summary>
    /// AWS regions with a fixed place in <see cref="Palette"/>, chosen so regions often paired (us-east-1 and eu-west-1,
    /// us-east-1 and us-west-2) differ. Any other name takes the place its FNV-1a hash gives.
    /// </summary>
    public static IReadOnlyDictionary<string, int> KnownRegions { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["us-east-1"] = 0,
        ["eu-west-1"] = 1,
        ["us-west-2"] = 2,
        ["eu-central-1"] = 3,
        ["ap-southeast-1"] = 4,
        ["ap-northeast-1"] = 5,
        ["us-east-2"] = 6,
        ["us-west-1"] = 7,
        ["eu-west-2"] = 2,
        ["eu-north-1"] = 6,
        ["ap-southeast-2"] = 3,
        ["ap-south-1"] = 7,
        ["ca-central-1"] = 4,
        ["sa-east-1"] = 5,
        ["eu-west-3"] = 4,
        ["ap-northeast-2"] = 2,
    };

    /// <summary>The colour of a region (also of a location, a population in it, a health check that guards it).</summary>
    public static string Region(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return KnownRegions.TryGetValue(name, out var index) ? Palette[index] : Palette[(int)(Fnv1a(name) % (uint)Palette.Count)];
    }

    // FNV-1a over the UTF-8 bytes: the same on every machine and every run, unlike string.GetHashCode.
    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash;
    }
}
