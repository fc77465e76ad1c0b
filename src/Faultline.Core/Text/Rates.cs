using System.Globalization;

namespace Faultline.Core.Text;

/// <summary>Parses arrival rates as users write them: <c>20/s</c>, <c>1200/m</c>, <c>5/h</c>, or a plain number (per second).</summary>
public static class Rates
{
    /// <summary>What the error messages say a rate looks like.</summary>
    public const string Expected = "a rate such as 20/s, 1200/m or 20";

    /// <summary>The highest rate accepted: 1,000,000 per second (far above what one machine sends).</summary>
    public const double MaximumPerSecond = 1_000_000;

    /// <summary>The lowest positive rate accepted: 1 per hour, so the gap between two requests stays a duration.</summary>
    public const double MinimumPerSecond = 1.0 / 3600;

    /// <summary>What the error messages say the allowed rates are.</summary>
    public const string Range = "a rate from 1/h to 1000000/s";

    /// <summary>Parses a rate into requests per second; <c>false</c> when it is not a number with an optional <c>/s</c>, <c>/m</c> or <c>/h</c>, or is out of range. Zero and negative rates parse: callers decide.</summary>
    public static bool TryParse(string? text, out double perSecond) => Parse(text, out perSecond) == ParseOutcome.Valid;

    /// <summary>
    /// Parses a rate into requests per second. Zero and negative rates are <see cref="ParseOutcome.Valid"/>
    /// (callers decide); a positive rate outside <see cref="MinimumPerSecond"/>–<see cref="MaximumPerSecond"/>,
    /// or a number too large to hold, is <see cref="ParseOutcome.OutOfRange"/>.
    /// </summary>
    public static ParseOutcome Parse(string? text, out double perSecond)
    {
        perSecond = double.NaN;
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParseOutcome.Malformed;
        }

        var value = text.Trim();
        var seconds = 1.0;
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            seconds = value[(slash + 1)..].Trim() switch
            {
                "s" => 1,
                "m" => 60,
                "h" => 3600,
                _ => double.NaN,
            };
            value = value[..slash].Trim();
        }

        if (double.IsNaN(seconds) || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var count) || double.IsNaN(count))
        {
            return ParseOutcome.Malformed;
        }

        perSecond = count / seconds;
        if (perSecond > 0 && !(perSecond is >= MinimumPerSecond and <= MaximumPerSecond))
        {
            return ParseOutcome.OutOfRange;
        }

        return double.IsInfinity(perSecond) ? ParseOutcome.OutOfRange : ParseOutcome.Valid;
    }
}
