using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Faultline.Core.Aws.Fis;

/// <summary>ISO 8601 durations as FIS writes them (<c>PT10M</c>, <c>PT1H30M</c>, <c>PT90S</c>).</summary>
public static partial class IsoDurations
{
    /// <summary>The shortest duration FIS accepts for a duration parameter.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMinutes(1);

    /// <summary>The longest duration FIS accepts for a duration parameter.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromHours(12);

    /// <summary>Formats whole seconds as <c>PT…H…M…S</c>.</summary>
    public static string Format(TimeSpan value)
    {
        var builder = new StringBuilder("PT");
        var hours = (int)value.TotalHours;
        if (hours > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{hours}H");
        }

        if (value.Minutes > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{value.Minutes}M");
        }

        if (value.Seconds > 0 || builder.Length == 2)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{value.Seconds}S");
        }

        return builder.ToString();
    }

    /// <summary>Parses <c>PT…H…M…S</c> (optionally with a day part, <c>P1DT2H</c>).</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success || match.Length == 1 || text!.EndsWith('T'))
        {
            return false;
        }

        double Part(string group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        value = TimeSpan.FromDays(Part("d")) + TimeSpan.FromHours(Part("h")) + TimeSpan.FromMinutes(Part("m")) + TimeSpan.FromSeconds(Part("s"));
        return true;
    }

    [GeneratedRegex(@"^P(?:(?<d>\d{1,4})D)?(?:T(?:(?<h>\d{1,5})H)?(?:(?<m>\d{1,6})M)?(?:(?<s>\d{1,7}(?:\.\d{1,3})?)S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
