using System.Globalization;
using Faultline.Core.Text;

namespace Faultline.Core.Faults;

/// <summary>
/// Parses a fault option's value as written (in a file, after a flag, in JSON) by the one rule of its type; a value
/// that does not parse is a <see cref="FaultOptionErrors.Malformed"/> problem, the same in every front end. Bounds are
/// the kind's validation (<see cref="IFaultKind.Validate"/>), not the parser's.
/// </summary>
public static class FaultOptionValues
{
    /// <summary>
    /// A duration (<see cref="Durations"/>), also one longer than <see cref="Durations.Maximum"/>: fault delays have a
    /// tighter bound whose message says more (<see cref="FaultLimits.MaximumDelay"/>); one no <see cref="TimeSpan"/> holds is out of range.
    /// </summary>
    public static TimeSpan? Duration(FaultOptionDefinition option, FaultOptionSpelling spelling, string text, out FaultOptionProblem? problem)
    {
        problem = null;
        var outcome = Durations.Parse(text, out var value);
        if (outcome == ParseOutcome.Valid)
        {
            return value;
        }

        if (outcome == ParseOutcome.OutOfRange && Durations.TryParse(text, out var longer))
        {
            return longer;
        }

        problem = outcome == ParseOutcome.OutOfRange ? FaultOptionErrors.OutOfRange(option, spelling, text) : FaultOptionErrors.Malformed(option, spelling, text);
        return null;
    }

    /// <summary>A whole number; one no <see cref="int"/> holds is out of range.</summary>
    public static int? WholeNumber(FaultOptionDefinition option, FaultOptionSpelling spelling, string text, out FaultOptionProblem? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problem = IsWholeNumberText(text) ? FaultOptionErrors.OutOfRange(option, spelling, text) : FaultOptionErrors.Malformed(option, spelling, text);
        return null;
    }

    /// <summary>A finite number, integer or decimal (invariant culture, decimal point); one no <see cref="double"/> holds is out of range.</summary>
    public static double? Number(FaultOptionDefinition option, FaultOptionSpelling spelling, string text, out FaultOptionProblem? problem)
    {
        problem = null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        // 1e400 parses, as infinity: a number, only too large.
        problem = double.IsInfinity(value) ? FaultOptionErrors.OutOfRange(option, spelling, text) : FaultOptionErrors.Malformed(option, spelling, text);
        return null;
    }

    /// <summary><c>true</c> or <c>false</c> (any case).</summary>
    public static bool? Boolean(FaultOptionDefinition option, FaultOptionSpelling spelling, string text, out FaultOptionProblem? problem)
    {
        problem = null;
        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problem = FaultOptionErrors.Malformed(option, spelling, text);
        return null;
    }

    private static bool IsWholeNumberText(string text)
    {
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text.AsSpan(1) : text.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
