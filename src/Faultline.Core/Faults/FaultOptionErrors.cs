using System.Globalization;
using Faultline.Core.Text;
using Faultline.Core.Yaml;

namespace Faultline.Core.Faults;

/// <summary>
/// Every message about a fault's options, in one place: the experiment reader, <c>fault add</c> and the control API
/// report the same text (each names options as its user writes them, <see cref="FaultOptionSpelling"/>), and tests pin it.
/// </summary>
public static class FaultOptionErrors
{
    /// <summary>
    /// A value that does not parse as the option's type (a duration, a whole number, a number, true or false): the one
    /// message every front end gives (the experiment reader adds file:line:column, the control API the JSON path).
    /// </summary>
    public static FaultOptionProblem Malformed(FaultOptionDefinition option, FaultOptionSpelling spelling, string text)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(spelling);
        var (expected, example) = option.Type switch
        {
            FaultOptionType.Duration => ("a duration", Durations.Expected),
            FaultOptionType.WholeNumber => ("a whole number", $"a whole number such as {option.Example}"),
            FaultOptionType.Number => ("a number", $"a number such as {option.Example}"),
            FaultOptionType.Boolean => ("true or false", "true or false"),
            _ => ("text", $"text such as {option.Example}"),
        };
        return new FaultOptionProblem(option.Name, $"{spelling.Name(option)} is '{Echo.Value(text)}', which is not {expected}", $"write {example}");
    }

    /// <summary>A value too large for its type to hold (<c>1e400</c>, twenty digits for a whole number, <c>1000000000h</c>): the range the option takes.</summary>
    public static FaultOptionProblem OutOfRange(FaultOptionDefinition option, FaultOptionSpelling spelling, string text)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(spelling);
        var range = option.Type switch
        {
            // Durations are delays (FaultOptionDefinition.Maximum).
            FaultOptionType.Duration => $"a duration from 0s to {Durations.Format(FaultLimits.MaximumDelay)}",
            FaultOptionType.WholeNumber => YamlValues.WholeNumberRange((int)Math.Max(option.Minimum, int.MinValue), (int)Math.Min(option.Maximum, int.MaxValue)),
            _ => YamlValues.NumberRange(option.Minimum, option.Maximum),
        };
        return new FaultOptionProblem(option.Name, $"{spelling.Name(option)} is '{Echo.Value(text)}', which is out of range", $"write {range}");
    }

    /// <summary>An option of another kind given to <paramref name="kind"/> (e.g. <c>fault add latency --status 503</c>): what it belongs to, and what the kind takes.</summary>
    public static FaultOptionProblem NotTakenBy(IFaultKind kind, FaultOptionDefinition option, FaultOptionSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(spelling);
        var owners = FaultKindRegistry.All.Where(k => k.Options.Any(o => string.Equals(o.Name, option.Name, StringComparison.Ordinal))).Select(k => k.Name);
        var name = spelling.Name(option);
        return new FaultOptionProblem(
            option.Name,
            $"{name} is not an option of {kind.Name} (it is one of {string.Join(", ", owners)})",
            $"remove {name}; {kind.Name} takes {string.Join(", ", kind.Options.Select(spelling.Name))}");
    }

    /// <summary>A delay below zero or above <see cref="FaultLimits.MaximumDelay"/>; <c>null</c> when it is within.</summary>
    public static FaultOptionProblem? Delay(FaultOptionDefinition option, FaultOptionSpelling spelling, TimeSpan? value)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return value is { } delay && FaultLimits.DelayProblem(delay, spelling.Name(option)) is { } problem
            ? new FaultOptionProblem(option.Name, problem, $"give a delay from 0s to {Durations.Format(FaultLimits.MaximumDelay)}")
            : null;
    }

    /// <summary>A number outside the option's <see cref="FaultOptionDefinition.Minimum"/>–<see cref="FaultOptionDefinition.Maximum"/>; <c>null</c> when it is within.</summary>
    public static FaultOptionProblem? Number(FaultOptionDefinition option, FaultOptionSpelling spelling, double value)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(spelling);
        if (value >= option.Minimum && value <= option.Maximum)
        {
            return null;
        }

        var name = spelling.Name(option);
        var bounds = option.Maximum == double.MaxValue || option.Type == FaultOptionType.WholeNumber && option.Maximum >= int.MaxValue
            ? $"{Show(option.Minimum)} or more"
            : $"between {Show(option.Minimum)} and {Show(option.Maximum)}";
        return new FaultOptionProblem(option.Name, $"{name} is {Show(value)}; it must be {bounds}", $"set {name} to {option.Meaning}");
    }

    /// <summary>Text given as JSON <c>null</c>.</summary>
    public static FaultOptionProblem NullText(FaultOptionDefinition option, FaultOptionSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(spelling);
        var name = spelling.Name(option);
        var fallback = string.IsNullOrEmpty(option.Default) ? "empty" : option.Default;
        return new FaultOptionProblem(option.Name, $"{name} must be text, not null", $"omit {name} for its default ({fallback})");
    }

    /// <summary>A choice that names none of the option's <see cref="FaultOptionDefinition.Choices"/>.</summary>
    public static FaultOptionProblem UnknownChoice(FaultOptionDefinition option, FaultOptionSpelling spelling, string text)
    {
        ArgumentNullException.ThrowIfNull(option);
        ArgumentNullException.ThrowIfNull(spelling);
        return new FaultOptionProblem(option.Name, $"{spelling.Name(option)} is '{Echo.Value(text)}', which is not allowed", Suggestions.DidYouMean(text, option.Choices, "allowed"));
    }

    /// <summary><c>latency</c> with neither a delay nor a whole range.</summary>
    public static FaultOptionProblem NeitherDelayNorRange(FaultOptionDefinition delay, FaultOptionDefinition min, FaultOptionDefinition max, FaultOptionSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(spelling);
        return new FaultOptionProblem(
            null,
            $"neither {spelling.Name(delay)} nor both {spelling.Name(min)} and {spelling.Name(max)} is given",
            $"add {spelling.Assignment(delay, "60s")}, or {spelling.Assignment(min, "1s")} and {spelling.Assignment(max, "5s")} for a uniformly drawn delay");
    }

    /// <summary><c>latency</c> with both a delay and a range.</summary>
    public static FaultOptionProblem DelayAndRange(FaultOptionDefinition delay, FaultOptionDefinition min, FaultOptionDefinition max, FaultOptionSpelling spelling)
    {
        ArgumentNullException.ThrowIfNull(delay);
        ArgumentNullException.ThrowIfNull(spelling);
        return new FaultOptionProblem(
            delay.Name,
            $"both {spelling.Name(delay)} and {spelling.Name(min)}/{spelling.Name(max)} are given",
            $"keep {spelling.Name(delay)} for a fixed delay, or {spelling.Name(min)} and {spelling.Name(max)} for a range");
    }

    /// <summary>A range whose minimum is above its maximum.</summary>
    public static FaultOptionProblem MinAboveMax(FaultOptionDefinition min, FaultOptionDefinition max, FaultOptionSpelling spelling, TimeSpan minValue, TimeSpan maxValue)
    {
        ArgumentNullException.ThrowIfNull(min);
        ArgumentNullException.ThrowIfNull(spelling);
        return new FaultOptionProblem(
            min.Name,
            $"{spelling.Name(min)} {Durations.Format(minValue)} is above {spelling.Name(max)} {Durations.Format(maxValue)}",
            $"make {spelling.Name(min)} at most {spelling.Name(max)}");
    }

    /// <summary>A mode that delays, without a delay.</summary>
    public static FaultOptionProblem ModeNeedsDelay(FaultOptionDefinition mode, FaultOptionDefinition delay, FaultOptionSpelling spelling, string modeName)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(delay);
        ArgumentNullException.ThrowIfNull(spelling);
        return new FaultOptionProblem(mode.Name, $"{spelling.Name(mode)} {modeName} needs {spelling.Name(delay)}", $"add {spelling.Assignment(delay, delay.Example)}");
    }

    /// <summary>A delay with a mode that does not delay.</summary>
    public static FaultOptionProblem DelayWithoutDelayMode(FaultOptionDefinition mode, FaultOptionDefinition delay, FaultOptionSpelling spelling, string modeName, string delayMode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(delay);
        ArgumentNullException.ThrowIfNull(spelling);
        return new FaultOptionProblem(
            delay.Name,
            $"{spelling.Name(delay)} is given, but {spelling.Name(mode)} {modeName} does not delay",
            $"remove {spelling.Name(delay)}, or set {spelling.Assignment(mode, delayMode)}");
    }

    private static string Show(double value) =>
        double.IsNaN(value) ? "NaN" : value.ToString(CultureInfo.InvariantCulture);
}
