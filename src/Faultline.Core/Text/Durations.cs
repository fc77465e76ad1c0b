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

    /// <summary>
    /// The longest duration accepted anywhere: 24 h. Lab durations longer than a day mean nothing in a run,
    /// and the bound keeps every <c>now + duration</c> and every timer (even at time scale 0.1) in range.
    /// </summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(24);

    /// <summary>What the error messages say the allowed durations are.</summary>
    public const string Range = "a duration from 0s to 24h";

    /// <summary>
    /// Parses any non-negative duration a <see cref="TimeSpan"/> holds; <c>false</c> for anything else. Not
    /// bounded by <see cref="Maximum"/>: for callers that apply their own, tighter bound with their own message
    /// (leases, fault delays). Everything else uses <see cref="Parse"/>.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan value) => ParseCore(text, out value) is ParseOutcome.Valid or ParseOutcome.OutOfRange && value != TimeSpan.MaxValue;

    /// <summary>
    /// Parses a duration, telling a text that is no duration (<see cref="ParseOutcome.Malformed"/>, also for
    /// negative values) from one above <see cref="Maximum"/> (<see cref="ParseOutcome.OutOfRange"/>).
    /// <paramref name="value"/> is set only when valid. Never throws.
    /// </summary>
    public static ParseOutcome Parse(string? text, out TimeSpan value)
    {
        var outcome = ParseCore(text, out value);
        if (outcome != ParseOutcome.Valid)
        {
            value = TimeSpan.Zero;
        }

        return outcome;
    }

    // Valid up to Maximum; OutOfRange above it, with the value when a TimeSpan holds it and TimeSpan.MaxValue
    // when it does not (1000000000h, a 400-digit number, P99999999999D).
    private static ParseOutcome ParseCore(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseOutcome.Malformed;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('P') || trimmed.StartsWith('p'))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(trimmed.ToUpperInvariant());
            }
            catch (FormatException)
            {
                return ParseOutcome.Malformed;
            }
            catch (OverflowException)
            {
                value = TimeSpan.MaxValue;
                return ParseOutcome.OutOfRange;
            }

            return value < TimeSpan.Zero ? ParseOutcome.Malformed
                : value > Maximum ? ParseOutcome.OutOfRange
                : ParseOutcome.Valid;
        }

        var matches = PartPattern().Matches(trimmed);
        if (matches.Count == 0 || matches.Sum(m => m.Length) != trimmed.Length)
        {
            return ParseOutcome.Malformed;
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

        if (double.IsNaN(totalMs))
        {
            return ParseOutcome.Malformed;
        }

        // Compared as a double before any TimeSpan is made: 1000000000h or a 400-digit number is out of
        // range here, not an OverflowException later. The margin keeps FromMilliseconds' rounding in range.
        if (!(totalMs < TimeSpan.MaxValue.TotalMilliseconds - 1))
        {
            value = TimeSpan.MaxValue;
            return ParseOutcome.OutOfRange;
        }

        value = TimeSpan.FromMilliseconds(totalMs);
        return value > Maximum ? ParseOutcome.OutOfRange : ParseOutcome.Valid;
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
