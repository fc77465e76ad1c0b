namespace Faultline.Core.Experiments;

/// <summary>Which populations a check or stop condition looks at: all of them (<c>clients: all</c>) or named ones.</summary>
public sealed record ClientSelector
{
    /// <summary>Every population of the run.</summary>
    public static readonly ClientSelector All = new() { IsAll = true };

    /// <summary>Whether every population is meant.</summary>
    public bool IsAll { get; init; }

    /// <summary>The named populations, when not all.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>Whether a population is selected.</summary>
    public bool Includes(string client) => IsAll || Names.Contains(client, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => IsAll ? "all" : string.Join(", ", Names);
}
