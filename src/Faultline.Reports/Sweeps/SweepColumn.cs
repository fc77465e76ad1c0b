using Faultline.Core.Simulation;

namespace Faultline.Reports.Sweeps;

/// <summary>
/// One column of the sweep table, the same in <c>summary.csv</c> and <c>report.html</c>: its CSV header, where the
/// page shows it, and a point's value as the CSV writes it and as people read it.
/// </summary>
internal sealed record SweepColumn
{
    /// <summary>The CSV header, e.g. <c>outage: us-customers p50 (s)</c>.</summary>
    public required string CsvHeader { get; init; }

    /// <summary>The page's group heading over this column (<c>null</c>: the column heads itself over both header rows).</summary>
    public string? Group { get; init; }

    /// <summary>The page's heading of this column under its group (or alone).</summary>
    public required string Name { get; init; }

    /// <summary>The population whose outage this column measures (<c>null</c> for any other column).</summary>
    public string? OutageOf { get; init; }

    /// <summary>Whether the value is a number (right-aligned).</summary>
    public bool Numeric { get; init; } = true;

    /// <summary>A point's value as <c>summary.csv</c> writes it (unquoted).</summary>
    public required Func<SimulationSummary, string> Csv { get; init; }

    /// <summary>A point's value for people: durations as <c>1m25s</c>, shares as percentages.</summary>
    public required Func<SimulationSummary, string> Display { get; init; }
}
