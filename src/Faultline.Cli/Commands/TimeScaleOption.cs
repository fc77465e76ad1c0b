using Faultline.Core.Text;
using Faultline.Core.Time;

namespace Faultline.Cli.Commands;

/// <summary>
/// Reads <c>--time-scale</c> as typed: a number within <see cref="TimeScales"/>' bounds, or, for
/// <c>faultline run</c> only, <c>auto</c>. Bound as text so a bad value gets a message that says what a
/// time scale is, rather than a type-conversion error.
/// </summary>
internal static class TimeScaleOption
{
    /// <summary>The word that asks <c>run</c> to calibrate the time scale.</summary>
    public const string Auto = "auto";

    /// <summary>Whether the text is <c>auto</c> (any case).</summary>
    public static bool IsAuto(string? text) => string.Equals(text?.Trim(), Auto, StringComparison.OrdinalIgnoreCase);

    /// <summary>The number typed, or <c>null</c> when absent, <c>auto</c> or invalid (validation reports those).</summary>
    public static double? Value(string? text) =>
        text is not null && TimeScales.Parse(text, out var value) == ParseOutcome.Valid ? value : null;

    /// <summary>The message for a bad <c>--time-scale</c>, or <c>null</c> when it is absent or fine.</summary>
    public static string? Validate(string? text, bool allowAuto)
    {
        if (text is null)
        {
            return null;
        }

        if (IsAuto(text))
        {
            return allowAuto ? null : CliErrors.TimeScaleAutoOnlyForRun();
        }

        var outcome = TimeScales.Parse(text, out _);
        return outcome == ParseOutcome.Valid ? null : CliErrors.TimeScale(text, outcome, allowAuto);
    }
}
