using System.Text;
using Faultline.Core.Simulation;

namespace Faultline.Reports.Sweeps;

/// <summary>
/// <c>summary.csv</c>: a header and one row per sweep point, with the columns <c>report.html</c>'s sweep table shows
/// (the swept paths, runs, runs per verdict, each check's pass rate as a share, then p5, p50, p95 in seconds and
/// the never count of each time measure). Values with a comma or a quote are quoted.
/// </summary>
public static class SweepCsv
{
    /// <summary>The CSV text of <paramref name="points"/> (at least one; the first one's keys name the columns).</summary>
    public static string Render(IReadOnlyList<SimulationSummary> points)
    {
        var columns = SweepColumns.Of(points);
        var text = new StringBuilder().AppendLine(string.Join(",", columns.Select(c => Quote(c.CsvHeader))));
        foreach (var point in points)
        {
            text.AppendLine(string.Join(",", columns.Select(c => Quote(c.Csv(point)))));
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
