using Faultline.Core.Yaml;

namespace Faultline.Core.Faults;

/// <summary>Builds the "did you mean" part of error messages about unknown names in fault specs.</summary>
internal static class NameSuggestions
{
    /// <summary>
    /// Describes an unknown name: <c>did you mean 'x'? defined regions: a, b</c>, using the same edit-distance
    /// rule as every other did-you-mean (<see cref="Suggestions"/>); <c>no regions is defined</c> when none is.
    /// </summary>
    public static string Describe(string given, IEnumerable<string> known, string what)
    {
        var names = known.Distinct(StringComparer.Ordinal).ToArray();
        return names.Length == 0 ? $"no {what} is defined" : Suggestions.DidYouMean(given, names, $"defined {what}");
    }
}
