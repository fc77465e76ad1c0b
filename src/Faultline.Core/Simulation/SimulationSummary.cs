using Faultline.Core.Verdict;

namespace Faultline.Core.Simulation;

/// <summary>
/// One experiment (one sweep point) over many seeds: verdict counts, each check's pass rate, and the distributions
/// of time to unhealthy, time to DNS moving and customer outage (docs/simulate.md).
/// </summary>
public sealed record SimulationSummary
{
    /// <summary>The sweep point's label (empty without a sweep).</summary>
    public required string Label { get; init; }

    /// <summary>The sweep point's values by path (empty without a sweep).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; }

    /// <summary>The seeds run, in order.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Runs per verdict.</summary>
    public required IReadOnlyDictionary<VerdictKind, int> Verdicts { get; init; }

    /// <summary>Per check, the share of runs it passed in (0–1).</summary>
    public required IReadOnlyDictionary<string, double> CheckPassRates { get; init; }

    /// <summary>Per health check, time from the fault's start to unhealthy.</summary>
    public required IReadOnlyDictionary<string, TimeDistribution> TimeToUnhealthy { get; init; }

    /// <summary>Per location and name, time from the fault's start to the DNS answer moving.</summary>
    public required IReadOnlyDictionary<string, TimeDistribution> TimeToDnsMove { get; init; }

    /// <summary>Per population, its outage.</summary>
    public required IReadOnlyDictionary<string, TimeDistribution> Outage { get; init; }

    /// <summary>Summarises <paramref name="runs"/> (in seed order).</summary>
    public static SimulationSummary Of(string label, IReadOnlyList<KeyValuePair<string, string>> settings, IReadOnlyList<int> seeds, IReadOnlyList<RunMeasures> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        static IReadOnlyDictionary<string, TimeDistribution> Spread(IReadOnlyList<RunMeasures> runs, Func<RunMeasures, IReadOnlyDictionary<string, TimeSpan?>> pick) =>
            runs.SelectMany(r => pick(r).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .ToDictionary(k => k, k => TimeDistribution.Of(runs.Select(r => pick(r).GetValueOrDefault(k))), StringComparer.Ordinal);

        return new SimulationSummary
        {
            Label = label,
            Settings = settings,
            Seeds = seeds,
            Verdicts = runs.GroupBy(r => r.Verdict).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            CheckPassRates = runs.SelectMany(r => r.Checks.Keys).Distinct(StringComparer.Ordinal)
                .ToDictionary(c => c, c => runs.Count(r => r.Checks.GetValueOrDefault(c) == true) / (double)runs.Count, StringComparer.Ordinal),
            TimeToUnhealthy = Spread(runs, r => r.TimeToUnhealthy),
            TimeToDnsMove = Spread(runs, r => r.TimeToDnsMove),
            Outage = Spread(runs, r => r.Outage.ToDictionary(p => p.Key, p => (TimeSpan?)p.Value, StringComparer.Ordinal)),
        };
    }
}
