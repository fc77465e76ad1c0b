using Faultline.Core.Simulation;
using Faultline.Core.Verdict;

namespace Faultline.Reports.Sweeps;

/// <summary>
/// The blog's question — how long until the hardest-hit customers are served again? — asked of a batch: the
/// population with the longest median outage at any point, and the point(s) where its median outage is shortest.
/// </summary>
public sealed record SweepAnswer
{
    /// <summary>The population asked about: the one whose median outage is longest at some point (first in name order on a tie).</summary>
    public required string Population { get; init; }

    /// <summary>The question, e.g. <c>How long until us-customers are served again?</c></summary>
    public required string Question { get; init; }

    /// <summary>
    /// The points (indexes into the batch's points) with the shortest median outage for <see cref="Population"/>;
    /// ties go to the shorter p95, then to more runs held; several when they still tie, none when no run measured it.
    /// </summary>
    public required IReadOnlyList<int> Best { get; init; }

    /// <summary>The answer for <paramref name="points"/>; <c>null</c> when they measured no population.</summary>
    public static SweepAnswer? Of(IReadOnlyList<SimulationSummary> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var populations = points.SelectMany(p => p.Outage.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (populations.Count == 0)
        {
            return null;
        }

        // The worst-hit population at its worst setting is the one the question is about (us customers in the seed).
        var population = populations
            .Select(p => (Name: p, Worst: points.Max(s => s.Outage.GetValueOrDefault(p)?.P50 ?? TimeSpan.MinValue)))
            .Aggregate((best, next) => next.Worst > best.Worst ? next : best).Name;
        var ranked = points
            .Select((s, i) => (Index: i, Outage: s.Outage.GetValueOrDefault(population), Held: s.Verdicts.GetValueOrDefault(VerdictKind.Held)))
            .Where(p => p.Outage?.P50 is not null)
            .Select(p => (p.Index, Key: (P50: p.Outage!.P50!.Value, P95: p.Outage.P95!.Value, NotHeld: -p.Held)))
            .ToList();
        var best = ranked.Count == 0 ? [] : ranked.Where(p => p.Key == ranked.Min(r => r.Key)).Select(p => p.Index).ToList();
        return new SweepAnswer { Population = population, Question = QuestionAbout(population), Best = best };
    }

    /// <summary>The question about one population: <c>How long until us-customers are served again?</c></summary>
    public static string QuestionAbout(string population)
    {
        ArgumentNullException.ThrowIfNull(population);
        var who = population.EndsWith("customers", StringComparison.OrdinalIgnoreCase) ? population : $"{population} customers";
        return $"How long until {who} are served again?";
    }
}
