namespace Faultline.Core.Text;

/// <summary>Parses arrival rates as users write them: <c>20/s</c>, <c>1200/m</c>, <c>5/h</c>, or a plain number (per second).</summary>
public static class Rates
{
    /// <summary>What the error messages say a rate looks like.</summary>
    public const string Expected = "a rate such as 20/s, 1200/m or 20";

    /// <summary>Parses a rate into requests per second; <c>false</c> when it is not a number with an optional <c>/s</c>, <c>/m</c> or <c>/h</c>. Zero and negative rates parse: callers decide.</summary>
    public static bool TryParse(string? text, out double perSecond)
    {
        perSecond = double.NaN;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
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

        if (double.IsNaN(seconds) || !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var count) || double.IsNaN(count) || double.IsInfinity(count))
        {
            return false;
        }

        perSecond = count / seconds;
        return true;
    }
}
