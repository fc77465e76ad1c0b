using System.Globalization;

namespace Faultline.Core.Faults;

/// <summary>
/// Maps a choice option's names to an enum whose members are those names in Pascal case (<c>blackhole</c> is
/// <c>Blackhole</c>), as the control API's JSON writes them too.
/// </summary>
public static class FaultChoices
{
    /// <summary>The enum value a choice name stands for; <paramref name="fallback"/> when <paramref name="name"/> is <c>null</c>.</summary>
    public static T Parse<T>(string? name, T fallback)
        where T : struct, Enum =>
        name is null ? fallback : Enum.Parse<T>(name, ignoreCase: true);

    /// <summary>The choice name of <paramref name="value"/>, e.g. <c>blackhole</c>; the number when it is not a member.</summary>
    public static string NameOf<T>(T value)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value.ToString().ToLowerInvariant() : Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>The problem of a value that is not one of <paramref name="option"/>'s choices, or <c>null</c>.</summary>
    public static FaultOptionProblem? Check<T>(FaultOptionDefinition option, FaultOptionSpelling spelling, T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.MatchChoice(NameOf(value)) is null ? FaultOptionErrors.UnknownChoice(option, spelling, NameOf(value)) : null;
    }
}
