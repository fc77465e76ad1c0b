namespace Faultline.Core.Randomness;

/// <summary>
/// The run's one seeded source of randomness (thread-safe). The seed is printed and journaled so a run
/// repeats; per-request fault decisions, checker phases and target selection all draw from here.
/// </summary>
public sealed class RandomSource
{
    private readonly Random _random;
    private readonly Lock _lock = new();

    /// <summary>Creates a source from a seed.</summary>
    public RandomSource(int seed)
    {
        Seed = seed;
#pragma warning disable CA5394 // Not for security: a seeded, repeatable source is the point.
        _random = new Random(seed);
#pragma warning restore CA5394
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble()
    {
        lock (_lock)
        {
#pragma warning disable CA5394
            return _random.NextDouble();
#pragma warning restore CA5394
        }
    }

    /// <summary>A value in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        lock (_lock)
        {
#pragma warning disable CA5394
            return _random.Next(maxExclusive);
#pragma warning restore CA5394
        }
    }

    /// <summary>Whether a per-request draw falls within <paramref name="percentage"/> (0–100).</summary>
    public bool Chance(double percentage) => percentage >= 100 || (percentage > 0 && NextDouble() * 100 < percentage);

    /// <summary>Picks <paramref name="count"/> distinct items, in their original order.</summary>
    public IReadOnlyList<T> Pick<T>(IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (count >= items.Count)
        {
            return items;
        }

        var indexes = Enumerable.Range(0, items.Count).ToList();
        var chosen = new List<int>(count);
        for (var i = 0; i < count; i++)
        {
            var k = Next(indexes.Count);
            chosen.Add(indexes[k]);
            indexes.RemoveAt(k);
        }

        chosen.Sort();
        return chosen.Select(i => items[i]).ToArray();
    }

    /// <summary>A new independent source derived from this one (for a component that must not disturb others' sequences).</summary>
    public RandomSource Derive()
    {
        lock (_lock)
        {
#pragma warning disable CA5394
            return new RandomSource(_random.Next());
#pragma warning restore CA5394
        }
    }
}
