namespace Faultline.Core.Yaml;

/// <summary>"Did you mean" suggestions by edit distance, for unknown keys, names and enum values.</summary>
public static class Suggestions
{
    /// <summary>The longest input a suggestion is looked for: 200 characters (no name is longer, and the distance costs length squared).</summary>
    public const int MaxInputLength = 200;

    /// <summary>
    /// The candidate closest to <paramref name="input"/> (case-insensitive Levenshtein distance), or
    /// <c>null</c> when none is close: within a third of the input's length, and at least 2 edits allowed.
    /// Inputs longer than <see cref="MaxInputLength"/> get no suggestion.
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        if (input.Length > MaxInputLength)
        {
            return null;
        }

        var allowed = Math.Max(2, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance && distance <= allowed && !string.Equals(candidate, input, StringComparison.Ordinal))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>The Levenshtein distance between two strings (ordinal).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
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

    /// <summary>
    /// The fix text for an unknown name: <c>did you mean 'x'? {listName}: a, b</c>, or just the list when
    /// nothing is close; <c>{listName}: (none)</c> when the list is empty.
    /// </summary>
    public static string DidYouMean(string input, IReadOnlyCollection<string> candidates, string listName)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var list = candidates.Count == 0 ? "(none)" : string.Join(", ", candidates);
        var closest = Closest(input, candidates);
        return closest is null ? $"{listName}: {list}" : $"did you mean '{closest}'? {listName}: {list}";
    }
}
