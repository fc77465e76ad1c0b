using System.Globalization;
using Faultline.Core.Text;

namespace Faultline.Core.Time;

/// <summary>
/// The allowed time scales (lab seconds per wall second). Below 0.1 a 24 h duration no longer fits a
/// timer; above 1000 a wall millisecond is more than a lab second and no timer keeps up.
/// </summary>
public static class TimeScales
{
    /// <summary>The smallest time scale: 0.1 (a lab second takes ten wall seconds).</summary>
    public const double Minimum = 0.1;

    /// <summary>The largest time scale: 1000.</summary>
    public const double Maximum = 1000;

    /// <summary>What messages say a time scale is.</summary>
    public static readonly string Expected = string.Create(
        CultureInfo.InvariantCulture,
        $"a number of lab seconds per wall second, e.g. 20, from {Minimum} to {Maximum}");

    /// <summary>What every message about a bad time scale says to do, after <see cref="Problem"/>.</summary>
    public static readonly string Fix = "write " + Expected;

    /// <summary>
    /// The one message about a bad time scale, wherever it was written (<c>--time-scale</c>, a file's <c>timeScale</c>):
    /// <c>timeScale 5000 is out of range</c>, <c>--time-scale 'fast' is not a time scale</c>. Follow it with <see cref="Fix"/>.
    /// </summary>
    /// <param name="subject">Where the value was written: the option or the key.</param>
    /// <param name="text">The value as written.</param>
    /// <param name="outcome">What <see cref="Parse"/> made of it (not <see cref="ParseOutcome.Valid"/>).</param>
    public static string Problem(string subject, string text, ParseOutcome outcome) => outcome == ParseOutcome.OutOfRange
        ? $"{subject} {Echo.Value(text)} is out of range"
        : $"{subject} '{Echo.Value(text)}' is not a time scale";

    /// <summary>Whether <paramref name="scale"/> is an allowed time scale.</summary>
    public static bool IsAllowed(double scale) => scale is >= Minimum and <= Maximum;

    /// <summary>Parses a time scale as written on the command line or in a file (invariant culture).</summary>
    public static ParseOutcome Parse(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)
            || !double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
            || double.IsNaN(value))
        {
            return ParseOutcome.Malformed;
        }

        return IsAllowed(value) ? ParseOutcome.Valid : ParseOutcome.OutOfRange;
    }
}
