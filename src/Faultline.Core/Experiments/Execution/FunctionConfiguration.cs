namespace Faultline.Core.Experiments.Execution;

/// <summary>A function's changeable configuration at one moment: its environment variables and attached layers.</summary>
public sealed record FunctionConfiguration
{
    /// <summary>The environment variables. Default empty.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The attached layers (names or ARNs), in attach order. Default empty.</summary>
    public IReadOnlyList<string> Layers { get; init; } = [];

    /// <summary>Whether <paramref name="other"/> has the same variables (same values) and the same layers in the same order.</summary>
    public bool SameAs(FunctionConfiguration other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Environment.Count == other.Environment.Count
            && Environment.All(p => other.Environment.TryGetValue(p.Key, out var value) && string.Equals(value, p.Value, StringComparison.Ordinal))
            && Layers.SequenceEqual(other.Layers, StringComparer.Ordinal);
    }

    /// <summary>
    /// What changed from this configuration to <paramref name="after"/>: each variable set to a new value (the
    /// value) or removed (<c>null</c>), in name order — the shape <see cref="Runs.ConfigurationChanged"/> journals.
    /// </summary>
    public IReadOnlyDictionary<string, string?> EnvironmentChangesTo(FunctionConfiguration after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in after.Environment)
        {
            if (!Environment.TryGetValue(name, out var before) || !string.Equals(before, value, StringComparison.Ordinal))
            {
                changes[name] = value;
            }
        }

        foreach (var name in Environment.Keys)
        {
            if (!after.Environment.ContainsKey(name))
            {
                changes[name] = null;
            }
        }

        return new Dictionary<string, string?>(changes, StringComparer.Ordinal);
    }
}
