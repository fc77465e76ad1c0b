namespace Faultline.Core.Faults;

/// <summary>Builds the "did you mean" part of error messages about unknown names.</summary>
internal static class NameSuggestions
{
    /// <summary>
    /// Describes an unknown name: <c>did you mean 'x'? defined: a, b</c>. Suggests the closest name when
    /// it is within a third of the name's length in edits (typos, not different names).
    /// </summary>
    public static string Describe(string given, IEnumerable<string> known, string what)
    {
        var names = known.Distinct(StringComparer.Ordinal).ToArray();
        if (names.Length == 0)
        {
            return $"no {what} is defined";
        }

        var best = names
            .Select(n => (Name: n, Distance: Distance(given.ToLowerInvariant(), n.ToLowerInvariant())))
            .OrderBy(t => t.Distance)
            .First();
        var hint = best.Distance <= Math.Max(2, given.Length / 3) ? $"did you mean '{best.Name}'? " : string.Empty;
        return $"{hint}defined {what}: {string.Join(", ", names)}";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
