using Faultline.Core.Experiments;
using Faultline.Core.Faults;

namespace Faultline.Core.Planning;

/// <summary>A named target resolved against the topology: what it can select, and how many of them a run picks.</summary>
public sealed record PlannedTarget
{
    /// <summary>The target's name.</summary>
    public required string Name { get; init; }

    /// <summary>What kind of resource it selects.</summary>
    public required TargetType Type { get; init; }

    /// <summary>The selection mode as written (<c>ALL</c>, <c>COUNT(n)</c>, <c>PERCENT(n)</c>).</summary>
    public required SelectionMode Selection { get; init; }

    /// <summary>Every resource the target matches (function ids <c>region/name</c>, regions, a record, a health check), in topology order.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>How many of <see cref="Candidates"/> a run selects.</summary>
    public int Chosen => Selection.CountOf(Candidates.Count);

    /// <summary>Whether the run picks at random (<c>COUNT</c>/<c>PERCENT</c> selecting fewer than all), so the chosen ones differ per seed.</summary>
    public bool IsRandom => Selection.Kind != SelectionModeKind.All && Chosen < Candidates.Count;

    /// <summary>The selection in words: <c>all 2: us-east-1/health, us-east-1/hello</c> or <c>1 of 2 chosen per run (COUNT(1)) from: …</c>.</summary>
    public string Describe()
    {
        var list = string.Join(", ", Candidates);
        if (Candidates.Count == 0)
        {
            return "matches nothing";
        }

        return IsRandom
            ? $"{Chosen} of {Candidates.Count} chosen per run ({Selection}) from: {list}"
            : $"all {Candidates.Count}: {list}";
    }
}
