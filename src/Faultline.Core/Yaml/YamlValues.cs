using System.Globalization;
using Faultline.Core.Text;

namespace Faultline.Core.Yaml;

/// <summary>
/// Converts single nodes into values, adding a diagnostic (and returning <c>null</c>) when they do not
/// convert. <c>what</c> and <c>key</c> name the value in messages: <c>health check 'hc-us' has interval …</c>.
/// </summary>
public static class YamlValues
{
    /// <summary>The scalar, or <c>null</c> with a diagnostic when the node is a mapping or list.</summary>
    public static YamlScalar? Scalar(YamlNode node, string what, string key, YamlReadContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node is YamlScalar scalar)
        {
            return scalar;
        }

        context.Error(node.Location, YamlErrors.WrongKind($"{key} of {what}", node.Kind, "a value"), YamlErrors.WrongKindFix("a value"));
        return null;
    }

    /// <summary>The text of a scalar.</summary>
    public static string? Text(YamlNode node, string what, string key, YamlReadContext context) =>
        Scalar(node, what, key, context)?.Value;

    /// <summary>A duration (<see cref="Durations"/>): <c>250ms</c>, <c>30s</c>, <c>10m</c>, <c>PT10M</c>.</summary>
    public static TimeSpan? Duration(YamlNode node, string what, string key, YamlReadContext context)
    {
        var scalar = Scalar(node, what, key, context);
        if (scalar is null)
        {
            return null;
        }

        switch (Durations.Parse(scalar.Value, out var value))
        {
            case ParseOutcome.Valid:
                return value;
            case ParseOutcome.OutOfRange:
                context.Error(scalar.Location, YamlErrors.OutOfRange(what, key, scalar.Value), YamlErrors.OutOfRangeFix(Durations.Range));
                return null;
            default:
                context.Error(scalar.Location, YamlErrors.BadValue(what, key, scalar.Value, "a duration"), YamlErrors.BadValueFix(Durations.Expected));
                return null;
        }
    }

    /// <summary>
    /// A whole number. A whole number too large for the type is reported as out of range with
    /// <paramref name="min"/>–<paramref name="max"/>, the range the caller allows (checked by the caller
    /// for values that do fit, with its own message).
    /// </summary>
    public static int? WholeNumber(YamlNode node, string what, string key, YamlReadContext context, int min = int.MinValue, int max = int.MaxValue)
    {
        var scalar = Scalar(node, what, key, context);
        if (scalar is null)
        {
            return null;
        }

        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        if (IsWholeNumberText(scalar.Value))
        {
            context.Error(scalar.Location, YamlErrors.OutOfRange(what, key, scalar.Value), YamlErrors.OutOfRangeFix(WholeNumberRange(min, max)));
            return null;
        }

        context.Error(scalar.Location, YamlErrors.BadValue(what, key, scalar.Value, "a whole number"), YamlErrors.BadValueFix("a whole number such as 3"));
        return null;
    }

    /// <summary>
    /// A number (integer or decimal, invariant culture). One too large to hold (<c>1e400</c>) is reported as
    /// out of range with <paramref name="min"/>–<paramref name="max"/>, the range the caller allows.
    /// </summary>
    public static double? Number(YamlNode node, string what, string key, YamlReadContext context, double min = double.MinValue, double max = double.MaxValue)
    {
        var scalar = Scalar(node, what, key, context);
        if (scalar is null)
        {
            return null;
        }

        if (TryParseNumber(scalar.Value, out var value))
        {
            return value;
        }

        if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var huge) && double.IsInfinity(huge))
        {
            context.Error(scalar.Location, YamlErrors.OutOfRange(what, key, scalar.Value), YamlErrors.OutOfRangeFix(NumberRange(min, max)));
            return null;
        }

        context.Error(scalar.Location, YamlErrors.BadValue(what, key, scalar.Value, "a number"), YamlErrors.BadValueFix("a number such as 20 or 0.5"));
        return null;
    }

    /// <summary>How messages state a range of whole numbers: <c>a whole number from 1 to 65535</c>.</summary>
    public static string WholeNumberRange(int min, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}");

    /// <summary>How messages state a range of numbers: <c>a number from 0 to 100</c>.</summary>
    public static string NumberRange(double min, double max) =>
        string.Create(CultureInfo.InvariantCulture, $"a number from {min:0.###} to {max:0.###}");

    /// <summary>A boolean: <c>true</c> or <c>false</c> (any case).</summary>
    public static bool? Boolean(YamlNode node, string what, string key, YamlReadContext context)
    {
        var scalar = Scalar(node, what, key, context);
        if (scalar is null)
        {
            return null;
        }

        if (bool.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        context.Error(scalar.Location, YamlErrors.BadValue(what, key, scalar.Value, "true or false"), YamlErrors.BadValueFix("true or false"));
        return null;
    }

    /// <summary>
    /// One of the <paramref name="allowed"/> names (matched case-insensitively, so <c>https</c> is
    /// <c>HTTPS</c>); anything else is reported with did-you-mean and the allowed names as written in the map.
    /// </summary>
    public static T? Enum<T>(YamlNode node, string what, string key, IReadOnlyDictionary<string, T> allowed, YamlReadContext context)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var scalar = Scalar(node, what, key, context);
        if (scalar is null)
        {
            return null;
        }

        foreach (var pair in allowed)
        {
            if (string.Equals(pair.Key, scalar.Value, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        context.Error(scalar.Location, YamlErrors.BadEnum(what, key, scalar.Value), YamlErrors.BadEnumFix(scalar.Value, [.. allowed.Keys]));
        return null;
    }

    private static bool IsWholeNumberText(string text)
    {
        var digits = text.Length > 0 && text[0] is '+' or '-' ? text.AsSpan(1) : text.AsSpan();
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Parses a number the way the YAML layer does (invariant, decimal point).</summary>
    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
