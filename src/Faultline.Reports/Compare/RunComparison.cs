using Faultline.Core.Verdict;

namespace Faultline.Reports.Compare;

/// <summary>Two runs side by side — the blog's "fix it and rerun": verdicts, checks, customer impact, timelines.</summary>
public sealed record RunComparison
{
    /// <summary>Run A (usually the failing one).</summary>
    public required RunReport Before { get; init; }

    /// <summary>Run B (usually the fixed one).</summary>
    public required RunReport After { get; init; }

    /// <summary>Every check of either run, in B's order then A's remaining ones.</summary>
    public required IReadOnlyList<CheckChange> Checks { get; init; }

    /// <summary>Every population of either run: its impact in A and in B (<c>null</c> when absent).</summary>
    public required IReadOnlyList<(string Population, CustomerImpact? Before, CustomerImpact? After)> Impact { get; init; }

    /// <summary>Whether the verdict changed.</summary>
    public bool VerdictChanged => Before.Verdict.Kind != After.Verdict.Kind;

    /// <summary>Compares two reports.</summary>
    public static RunComparison Create(RunReport before, RunReport after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var names = after.Verdict.Checks.Select(c => c.Name).Concat(before.Verdict.Checks.Select(c => c.Name)).Distinct(StringComparer.Ordinal);
        var checks = names.Select(n => new CheckChange(
            n,
            before.Verdict.Checks.FirstOrDefault(c => string.Equals(c.Name, n, StringComparison.Ordinal)),
            after.Verdict.Checks.FirstOrDefault(c => string.Equals(c.Name, n, StringComparison.Ordinal)))).ToList();
        var populations = after.Verdict.Impact.Select(i => i.Population).Concat(before.Verdict.Impact.Select(i => i.Population)).Distinct(StringComparer.Ordinal);
        var impact = populations.Select(p => (
            p,
            before.Verdict.Impact.FirstOrDefault(i => string.Equals(i.Population, p, StringComparison.Ordinal)),
            after.Verdict.Impact.FirstOrDefault(i => string.Equals(i.Population, p, StringComparison.Ordinal)))).ToList();
        return new RunComparison { Before = before, After = after, Checks = checks, Impact = impact };
    }
}
