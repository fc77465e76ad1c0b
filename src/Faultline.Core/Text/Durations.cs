using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Faultline.Core.Text;

/// <summary>
/// Parses and formats durations as users write them: <c>250ms</c>, <c>30s</c>, <c>1.5s</c>, <c>10m</c>,
/// <c>2h</c>, compounds such as <c>1m30s</c>, and ISO 8601 as FIS writes them (<c>PT10M</c>).
/// </summary>
public static partial class Durations
{
    /// <summary>What the error messages say a duration looks like.</summary>
    public const string Expected = "a duration such as 250ms, 30s, 10m, 1h or PT10M";

    /// <summary>Parses a duration; returns <c>false</c> for anything else (including negative values).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('P') || trimmed.StartsWith('p'))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(trimmed.ToUpperInvariant());
                return value >= TimeSpan.Zero;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        var matches = PartPattern().Matches(trimmed);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)).Length != trimmed.Length)
        {
            return false;
        }

        double totalMs = 0;
        foreach (Match match in matches)
        {
            var number = double.Parse(match.Groups["n"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            totalMs += match.Groups["u"].Value switch
            {
                "ms" => number,
                "s" => number * 1000,
                "m" => number * 60_000,
                "h" => number * 3_600_000,
                _ => double.NaN,
            };
        }

        if (double.IsNaN(totalMs) || totalMs > TimeSpan.MaxValue.TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(totalMs);
        return true;
    }

    /// <summary>Formats a duration the way users write it: <c>29s</c>, <c>10m</c>, <c>1m30s</c>, <c>250ms</c>.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        if (value.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        var parts = new List<string>();
        if (value.Days * 24 + value.Hours > 0)
        {
            parts.Add($"{(value.Days * 24) + value.Hours}h");
        }

        if (value.Minutes > 0)
        {
            parts.Add($"{value.Minutes}m");
        }

        if (value.Seconds > 0)
        {
            parts.Add($"{value.Seconds}s");
        }

        return string.Concat(parts);
    }

    /// <summary>
    /// Formats a duration for people, rounded: <c>250ms</c> below a second, <c>1.5s</c> below ten seconds,
    /// whole seconds above (<c>11m1s</c>). Not for round trips: use <see cref="Format"/> there.
    /// </summary>
    public static string Describe(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Describe(-value);
        }

        if (value < TimeSpan.FromSeconds(1))
        {
            return Math.Round(value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        if (value < TimeSpan.FromSeconds(10))
        {
            return Math.Round(value.TotalSeconds, 1).ToString("0.#", CultureInfo.InvariantCulture) + "s";
        }

        return Format(TimeSpan.FromSeconds(Math.Round(value.TotalSeconds)));
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
