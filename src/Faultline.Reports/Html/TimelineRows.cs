using System.Text.RegularExpressions;
using Faultline.Core.Verdict;

namespace Faultline.Reports.Html;

/// <summary>
/// The report's timeline rows: entries as they are, except that a burst of health-probe-target entries (each checker
/// location of a check finding the same address, up to 16 per check at the run's start) becomes one row per check
/// and target, "hc-us checkers at 8 locations probe … ×8", with the locations and times folded under it.
/// </summary>
internal static partial class TimelineRows
{
    /// <summary>The rows in time order; each holds one entry, or the collapsed burst's entries.</summary>
    public static IReadOnlyList<IReadOnlyList<TimelineEntry>> Collapse(IReadOnlyList<TimelineEntry> timeline)
    {
        var rows = new List<IReadOnlyList<TimelineEntry>>();
        for (var i = 0; i < timeline.Count;)
        {
            if (timeline[i].Kind != TimelineEntryKind.HealthProbeTarget)
            {
                rows.Add([timeline[i++]]);
                continue;
            }

            // A burst: consecutive probe-target entries, grouped by check and target in the order each group starts.
            var burst = new List<TimelineEntry>();
            while (i < timeline.Count && timeline[i].Kind == TimelineEntryKind.HealthProbeTarget)
            {
                burst.Add(timeline[i++]);
            }

            rows.AddRange(burst.GroupBy(e => Probe(e) is { } p ? $"{p.Check}\n{p.Target}" : e.Text, StringComparer.Ordinal).Select(g => (IReadOnlyList<TimelineEntry>)[.. g]));
        }

        return rows;
    }

    /// <summary>The row's text: the entry's, or the burst's in one line.</summary>
    public static string Text(IReadOnlyList<TimelineEntry> row)
    {
        if (row.Count == 1 || Probe(row[0]) is not { } first)
        {
            return row[0].Text;
        }

        return $"{first.Check} checkers at {row.Count} locations probe {first.Target} ×{row.Count}";
    }

    /// <summary>Where each checker location of a collapsed row is, e.g. <c>eu-west-1</c>; the entry's text when it does not parse.</summary>
    public static string Location(TimelineEntry entry) => Probe(entry)?.Location ?? entry.Text;

    // The text TimelineBuilder writes: "{check} checkers at {location} probe {fqdn} at {address} ({region})".
    private static (string Check, string Location, string Target)? Probe(TimelineEntry entry)
    {
        var match = ProbeText().Match(entry.Text);
        return match.Success ? (match.Groups["check"].Value, match.Groups["location"].Value, match.Groups["target"].Value) : null;
    }

    [GeneratedRegex(@"^(?<check>\S+) checkers at (?<location>\S+) probe (?<target>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ProbeText();
}
