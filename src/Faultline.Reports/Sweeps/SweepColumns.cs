using System.Globalization;
using System.Text.Json;
using Faultline.Core.Simulation;
using Faultline.Core.Text;
using Faultline.Core.Verdict;

namespace Faultline.Reports.Sweeps;

/// <summary>
/// The sweep table's columns, in <c>summary.csv</c>'s order: the swept paths, runs, runs per verdict, each check's
/// pass rate, then p5, p50, p95 and never of time to unhealthy per health check, of time to DNS moving per
/// location and name, and of outage per population. The first point's keys name the columns, as the console does.
/// </summary>
internal static class SweepColumns
{
    private const string Missing = "—";

    public static IReadOnlyList<SweepColumn> Of(IReadOnlyList<SimulationSummary> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            throw new ArgumentException("A sweep has at least one point.", nameof(points));
        }

        var first = points[0];
        var columns = new List<SweepColumn>();
        for (var i = 0; i < first.Settings.Count; i++)
        {
            var axis = i;
            columns.Add(new SweepColumn { CsvHeader = first.Settings[axis].Key, Name = first.Settings[axis].Key, Numeric = false, Csv = s => s.Settings[axis].Value, Display = s => s.Settings[axis].Value });
        }

        columns.Add(new SweepColumn { CsvHeader = "runs", Name = "runs", Csv = s => s.Seeds.Count.ToString(CultureInfo.InvariantCulture), Display = s => s.Seeds.Count.ToString("N0", CultureInfo.InvariantCulture) });
        foreach (var verdict in Enum.GetValues<VerdictKind>())
        {
            columns.Add(new SweepColumn
            {
                CsvHeader = VerdictName(verdict),
                Group = "runs per verdict",
                Name = VerdictName(verdict),
                Csv = s => s.Verdicts.GetValueOrDefault(verdict).ToString(CultureInfo.InvariantCulture),
                Display = s => s.Verdicts.GetValueOrDefault(verdict).ToString("N0", CultureInfo.InvariantCulture),
            });
        }

        foreach (var check in first.CheckPassRates.Keys)
        {
            columns.Add(new SweepColumn
            {
                CsvHeader = $"pass rate: {check}",
                Group = "checks: share of runs passed",
                Name = check,
                Csv = s => s.CheckPassRates.GetValueOrDefault(check).ToString("0.####", CultureInfo.InvariantCulture),
                Display = s => (s.CheckPassRates.GetValueOrDefault(check) * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%",
            });
        }

        Spread(columns, "unhealthy", first.TimeToUnhealthy.Keys, k => $"{k} unhealthy after", s => s.TimeToUnhealthy, outage: false);
        Spread(columns, "dns move", first.TimeToDnsMove.Keys, k => $"DNS at {k} moves after", s => s.TimeToDnsMove, outage: false);
        Spread(columns, "outage", first.Outage.Keys, k => $"{k} outage", s => s.Outage, outage: true);
        return columns;
    }

    /// <summary>A verdict as the CSV header and the console name it: <c>held</c>, <c>not-run</c>.</summary>
    public static string VerdictName(VerdictKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>A lab time as the CSV writes it: seconds, up to three decimals; empty when there is none.</summary>
    public static string Seconds(TimeSpan? value) => value is { } v ? v.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A lab time for people, as the console writes it: <c>9.7s</c>, <c>1m25s</c>; a dash when there is none.</summary>
    public static string Describe(TimeSpan? value) => value is { } v ? Durations.Describe(v) : Missing;

    private static void Spread(List<SweepColumn> columns, string prefix, IEnumerable<string> keys, Func<string, string> group, Func<SimulationSummary, IReadOnlyDictionary<string, TimeDistribution>> pick, bool outage)
    {
        foreach (var key in keys)
        {
            TimeDistribution? Of(SimulationSummary s) => pick(s).GetValueOrDefault(key);
            var heading = group(key);
            var population = outage ? key : null;
            columns.Add(Time("p5", d => d?.P5));
            columns.Add(Time("p50", d => d?.P50));
            columns.Add(Time("p95", d => d?.P95));
            columns.Add(new SweepColumn
            {
                CsvHeader = $"{prefix}: {key} never (s)",
                Group = heading,
                Name = "never",
                OutageOf = population,
                Csv = s => (Of(s)?.Never ?? 0).ToString(CultureInfo.InvariantCulture),
                Display = s => Of(s) is { } d ? d.Never.ToString("N0", CultureInfo.InvariantCulture) : Missing,
            });

            SweepColumn Time(string stat, Func<TimeDistribution?, TimeSpan?> value) => new()
            {
                CsvHeader = $"{prefix}: {key} {stat} (s)",
                Group = heading,
                Name = stat,
                OutageOf = population,
                Csv = s => Seconds(value(Of(s))),
                Display = s => Describe(value(Of(s))),
            };
        }
    }
}
