namespace Faultline.Core.Simulation;

/// <summary>
/// A lab-time measure over many runs: how many runs saw it happen, and its minimum, 5th, 50th and 95th
/// percentiles and maximum over those (nearest rank). <see cref="Never"/> counts the runs where it did not happen.
/// </summary>
public sealed record TimeDistribution
{
    /// <summary>Runs where it happened.</summary>
    public required int Count { get; init; }

    /// <summary>Runs where it never happened.</summary>
    public required int Never { get; init; }

    /// <summary>The smallest value.</summary>
    public TimeSpan? Min { get; init; }

    /// <summary>The 5th percentile.</summary>
    public TimeSpan? P5 { get; init; }

    /// <summary>The 10th percentile.</summary>
    public TimeSpan? P10 { get; init; }

    /// <summary>The median.</summary>
    public TimeSpan? P50 { get; init; }

    /// <summary>The 95th percentile.</summary>
    public TimeSpan? P95 { get; init; }

    /// <summary>The 90th percentile.</summary>
    public TimeSpan? P90 { get; init; }

    /// <summary>The largest value.</summary>
    public TimeSpan? Max { get; init; }

    /// <summary>The distribution of <paramref name="values"/> (<c>null</c>: did not happen in that run).</summary>
    public static TimeDistribution Of(IEnumerable<TimeSpan?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var all = values.ToList();
        var seen = all.OfType<TimeSpan>().Order().ToArray();
        return new TimeDistribution
        {
            Count = seen.Length,
            Never = all.Count - seen.Length,
            Min = seen.Length == 0 ? null : seen[0],
            P5 = Rank(seen, 5),
            P10 = Rank(seen, 10),
            P50 = Rank(seen, 50),
            P90 = Rank(seen, 90),
            P95 = Rank(seen, 95),
            Max = seen.Length == 0 ? null : seen[^1],
        };
    }

    private static TimeSpan? Rank(TimeSpan[] sorted, double percentile)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
