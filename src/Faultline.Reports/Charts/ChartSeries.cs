namespace Faultline.Reports.Charts;

/// <summary>One line of a chart.</summary>
/// <param name="Label">The series' key: the metric name (<c>region_us-east-1</c>, <c>status_5xx</c>), the health check or the population and percentile; stable, for tables and tests.</param>
/// <param name="Values">One value per point; <c>null</c> where nothing was measured.</param>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values)
{
    /// <summary>The legend's name in words, e.g. <c>requests served by eu-west-1</c>; <c>null</c> (the default) shows <see cref="Label"/>.</summary>
    public string? Legend { get; init; }

    /// <summary>The line's colour by meaning (<see cref="ChartColors"/>); <c>null</c> (the default) lets the chart pick.</summary>
    public string? Color { get; init; }

    /// <summary>Whether the line is dashed (a p99 beside its p50, a threshold). Default <c>false</c>.</summary>
    public bool Dashed { get; init; }

    /// <summary>Whether the series is a threshold line (a check's or stop condition's), not a measurement. Default <c>false</c>.</summary>
    public bool Threshold { get; init; }
}
